/**
 * Accounts, for administrators: every account with its role and state, a new account, and
 * disabling or enabling one. The API decides who may (a role without the permission sees its
 * refusal) and what is allowed (the password policy, never disabling the last administrator).
 * @module
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SubmitEvent } from 'react';
import { api, ApiError, ok } from '../api/client';
import type { components } from '../api/openapi';
import { Field, type FieldErrors } from '../components/field';
import { ProblemAlert } from '../components/problem-alert';
import { ROLE_LABELS } from '../labels';
import { formatInstant } from '../time';

type User = components['schemas']['User'];

export function AccountsPage() {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: async () => ok(await api.GET('/api/users')) as unknown as User[],
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const create = useMutation({
    mutationFn: async (body: {
      username: string;
      displayName: string;
      role: User['role'];
      password: string;
    }) => ok(await api.POST('/api/users', { body })),
    onSuccess: refresh,
  });
  const toggle = useMutation({
    mutationFn: async ({ username, disable }: { username: string; disable: boolean }) =>
      ok(
        disable
          ? await api.POST('/api/users/{username}/disable', { params: { path: { username } } })
          : await api.POST('/api/users/{username}/enable', { params: { path: { username } } }),
      ),
    onSuccess: refresh,
  });
  const errors: FieldErrors = new Map(
    create.error instanceof ApiError
      ? (create.error.problem.errors ?? []).map((issue) => [issue.path, issue.message])
      : [],
  );
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    create.mutate({
      username: text('username'),
      displayName: text('displayName'),
      role: text('role') as User['role'],
      password: text('password'),
    });
  };

  if (users.error !== null) {
    return (
      <>
        <h1>Accounts</h1>
        <ProblemAlert error={users.error} heading="The accounts could not be read" />
      </>
    );
  }
  return (
    <>
      <h1>Accounts</h1>
      {toggle.error !== null && (
        <ProblemAlert error={toggle.error} heading="The account was not changed" />
      )}
      {users.data !== undefined && (
        <table className="usa-table usa-table--borderless desk-table">
          <caption className="usa-sr-only">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="usa-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.username}</th>
                <td>{user.displayName}</td>
                <td>{ROLE_LABELS[user.role]}</td>
                <td>{user.disabled ? 'Disabled' : user.isService ? 'Integration' : 'Active'}</td>
                <td>{formatInstant(user.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    disabled={toggle.isPending}
                    onClick={() => {
                      toggle.mutate({ username: user.username, disable: !user.disabled });
                    }}
                  >
                    {user.disabled ? 'Enable' : 'Disable'} {user.username}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="usa-form" onSubmit={submit} noValidate>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">New account</legend>
          {create.error !== null && (
            <ProblemAlert error={create.error} heading="The account was not created" />
          )}
          {create.data !== undefined && (
            <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
              <div className="usa-alert__body">
                <p className="usa-alert__text">Created {create.data.username}.</p>
              </div>
            </div>
          )}
          <Field path="username" label="Username" errors={errors}>
            {(props) => <input className="usa-input" autoComplete="off" {...props} />}
          </Field>
          <Field path="displayName" label="Name" errors={errors}>
            {(props) => <input className="usa-input" autoComplete="off" {...props} />}
          </Field>
          <Field path="role" label="Role" errors={errors}>
            {(props) => (
              <select className="usa-select" {...props} defaultValue="clerk">
                {Object.entries(ROLE_LABELS).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field path="password" label="First password" errors={errors}>
            {(props) => (
              <input className="usa-input" type="password" autoComplete="new-password" {...props} />
            )}
          </Field>
          <button className="usa-button" type="submit" disabled={create.isPending}>
            Create the account
          </button>
        </fieldset>
      </form>
    </>
  );
}
