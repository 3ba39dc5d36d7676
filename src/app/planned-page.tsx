import { Link } from 'react-router';
import { Alert } from '../components/ui/alert.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

/** A page this version does not have yet; it says so plainly instead of pretending. */
export function PlannedPage({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert tone="info" title={`${title} are not in this version of Lark Admin yet.`}>
        <p>
          Define your workspace's fields on the <Link to="/fields" className="underline">Fields</Link> page meanwhile.
        </p>
      </Alert>
    </>
  );
}
