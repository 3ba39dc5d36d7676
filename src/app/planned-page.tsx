import { Link } from 'react-router';
import { Alert } from '../components/ui/alert.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

/** A page this version does not have yet; it says so plainly instead of pretending. */
export function PlannedPage({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert tone="info" title={`The ${title.toLowerCase()} list is not in this version of Lark Admin yet.`}>
        <p>
          Meanwhile you can <Link to="/contacts/new" className="underline">add contacts</Link> and define the workspace's{' '}
          <Link to="/fields" className="underline">fields</Link>.
        </p>
      </Alert>
    </>
  );
}
