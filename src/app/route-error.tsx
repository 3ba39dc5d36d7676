import { Alert } from '../components/ui/alert.tsx';
import { Button, buttonClass } from '../components/ui/button.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';
import { Link, useRouteError } from '../lib/router/components.tsx';

function describe(error: unknown): string {
  if (error instanceof Error) {
    // A page's code that cannot be fetched (a new version went live, or the network dropped).
    if (/dynamically imported module|Importing a module script failed/i.test(error.message)) {
      return 'A part of Lark Admin could not be loaded. Reloading the page usually mends this.';
    }
    return error.message;
  }
  return String(error);
}

/** What a page that crashed shows instead of a white screen: what went wrong, and ways back. */
export function RouteError() {
  const error = useRouteError();
  return (
    <>
      <PageTitle>Something went wrong</PageTitle>
      <Alert title="This page could not be shown.">
        <p>{describe(error)}</p>
        <p>Nothing you saved is affected.</p>
      </Alert>
      <div className="mt-4 flex gap-2">
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
        <Link to="/contacts" className={buttonClass('secondary')}>
          Go to Contacts
        </Link>
      </div>
    </>
  );
}

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>There is no page at this address.</p>
      <Link to="/contacts" className={`${buttonClass('secondary')} mt-4`}>
        Go to Contacts
      </Link>
    </>
  );
}
