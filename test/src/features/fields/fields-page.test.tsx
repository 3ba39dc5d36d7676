import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addSegment } from '../../../server/sandbox-client.ts';
import { json, renderApp } from '../../render-app.tsx';

async function rowOf(label: string) {
  const table = await screen.findByRole('table');
  return within(table)
    .getByRole('rowheader', { name: new RegExp(`^${label}`) })
    .closest('tr')!;
}

describe('the Fields page', () => {
  it('lists the fields in order with merge tag, template form, type, required, default and options', async () => {
    const app = renderApp('/fields');
    await app.api('POST', '/v1/fields', {
      label: 'Plan',
      merge_tag: 'plan',
      type: 'DROPDOWN_SINGLE',
      definition: 'Free,Pro,Team',
      default_value: 'Pro',
      required: true,
    });
    await app.api('POST', '/v1/fields', { label: 'Home', merge_tag: 'home', type: 'COUNTRY', default_value: 'DE' });
    await app.api('POST', '/v1/fields', { label: 'Size', merge_tag: 'size', type: 'NUMBER', default_value: 'huge' });
    const rows = within(await screen.findByRole('table'))
      .getAllByRole('row')
      .slice(1);
    await waitFor(() => expect(rows.length).toBeGreaterThan(0));
    const table = await screen.findByRole('table');
    await within(table).findByRole('rowheader', { name: 'Size' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Email AddressLocked', 'First Name', 'Last Name', 'Plan', 'Home', 'Size']);

    const plan = within(await rowOf('Plan'));
    expect(plan.getByText('plan')).toBeInTheDocument();
    expect(plan.getByText('contact.plan')).toBeInTheDocument();
    expect(plan.getByText('Single choice')).toBeInTheDocument();
    expect(plan.getByText('Required')).toBeInTheDocument();
    expect(plan.getByText('Pro')).toBeInTheDocument();
    expect(plan.getByText('3')).toBeInTheDocument();
    expect(within(await rowOf('Home')).getByText('Germany (DE)')).toBeInTheDocument();
    expect(within(await rowOf('Size')).getByText('huge (does not fit, ignored)')).toBeInTheDocument();
  });

  it('marks the email field as locked, with no way to edit or delete it', async () => {
    renderApp('/fields');
    const email = within(await rowOf('Email Address'));
    expect(email.getByText('Locked')).toBeInTheDocument();
    expect(email.queryByRole('link', { name: /Edit/ })).toBeNull();
    expect(email.queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(within(await rowOf('First Name')).getByRole('link', { name: 'Edit First Name' })).toHaveAttribute(
      'href',
      '/fields/2/edit',
    );
  });

  it('reads old type names and shows an unknown type read-only, without breaking the page', async () => {
    const app = renderApp('/fields');
    app.answerNext(({ path }) =>
      path === '/v1/fields'
        ? json(200, {
            data: [
              {
                id: 1,
                label: 'Email Address',
                merge_tag: 'email_address',
                type: 'TEXT',
                definition: '',
                default_value: '',
                order: 0,
                immutable: true,
                required: true,
              },
              {
                id: 7,
                label: 'Opted in',
                merge_tag: 'opted_in',
                type: 'BOOL',
                definition: '',
                default_value: 'true',
                order: 1,
                immutable: false,
                required: false,
              },
              {
                id: 8,
                label: 'Hobbies',
                merge_tag: 'hobbies',
                type: 'MULTI',
                definition: 'Golf,Chess',
                default_value: '',
                order: 2,
                immutable: false,
                required: false,
              },
              {
                id: 9,
                label: 'Phone',
                merge_tag: 'phone',
                type: 'PHONE',
                definition: null,
                default_value: null,
                order: 3,
                immutable: false,
                required: false,
              },
            ],
          })
        : undefined,
    );
    expect(within(await rowOf('Opted in')).getByText('Yes / no')).toBeInTheDocument();
    expect(within(await rowOf('Opted in')).getByText('Yes')).toBeInTheDocument();
    expect(within(await rowOf('Hobbies')).getByText('Multiple choice')).toBeInTheDocument();
    const phone = within(await rowOf('Phone'));
    expect(phone.getByText('PHONE')).toBeInTheDocument();
    expect(phone.getByText('Unknown type: shown read-only')).toBeInTheDocument();
    expect(phone.queryByRole('link', { name: /Edit/ })).toBeNull();
  });

  it('says what failed, and loads again on request, when the list cannot be read', async () => {
    const app = renderApp('/fields');
    app.answerNext(({ path }) =>
      path === '/v1/fields' ? new Response('<html>Bad gateway</html>', { status: 200 }) : undefined,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The fields could not be loaded.');
    expect(alert).toHaveTextContent('The answer to GET /v1/fields was not the JSON the API sends');
    await app.user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('deletes a field after a confirmation that names it', async () => {
    const app = renderApp('/fields');
    await app.user.click(within(await rowOf('Last Name')).getByRole('button', { name: 'Delete Last Name' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the field “Last Name”?' });
    expect(dialog).toHaveTextContent('contact.last_name');
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete field' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Field “Last Name” deleted.');
    await waitFor(() =>
      expect(within(screen.getByRole('table')).queryByRole('rowheader', { name: 'Last Name' })).toBeNull(),
    );
    expect((await app.api('GET', '/v1/fields')).body.data.map((field: { label: string }) => field.label)).toEqual([
      'Email Address',
      'First Name',
    ]);
  });

  it('cancels a delete without sending anything', async () => {
    const app = renderApp('/fields');
    await app.user.click(within(await rowOf('Last Name')).getByRole('button', { name: 'Delete Last Name' }));
    await app.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(app.requests.filter((request) => request.startsWith('DELETE'))).toEqual([]);
  });

  it("shows the API's refusal inside the dialog, worded as the API words it", async () => {
    const app = renderApp('/fields');
    addSegment(app.store, 'Smiths', { fieldIds: [3] });
    await app.user.click(within(await rowOf('Last Name')).getByRole('button', { name: 'Delete Last Name' }));
    const dialog = screen.getByRole('dialog');
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete field' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "Cannot delete this field because it is being used in the 'Smiths' segment.",
    );
    expect(within(screen.getByRole('table')).getByRole('rowheader', { name: 'Last Name' })).toBeInTheDocument();
  });

  it('says so when the field was deleted elsewhere meanwhile', async () => {
    const app = renderApp('/fields');
    await app.user.click(within(await rowOf('Last Name')).getByRole('button', { name: 'Delete Last Name' }));
    await app.api('DELETE', '/v1/fields/3');
    const dialog = screen.getByRole('dialog');
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete field' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('We were unable to find the field.');
  });
});
