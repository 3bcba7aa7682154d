/**
 * Accounts, for administrators: every account with its role and state, a new account, disabling
 * or enabling one, and for the account chosen: its role, a password reset (the person must choose
 * a new one at their next sign-in) and a system integration's API tokens (issued with an expiry
 * and shown once, revoked one by one). The API decides who may (a role without the permission sees its
 * refusal) and what is allowed (the password policy, never disabling the last administrator).
 * @module
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api/client';
import type { components } from '../api/openapi';
import { CodeOptions } from '../components/code-options';
import { Field, fieldErrorsOf } from '../components/field';
import { FormPanel, formText } from '../components/form-panel';
import { ProblemAlert } from '../components/problem-alert';
import { ROLE_LABELS } from '../labels';
import { formatInstant } from '../time';

type User = components['schemas']['User'];
type ApiToken = components['schemas']['ApiToken'];

export function AccountsPage() {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
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
      password?: string;
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
  const errors = fieldErrorsOf(create.error);
  const submit = (form: FormData) => {
    const password = formText(form, 'password');
    create.mutate({
      username: formText(form, 'username'),
      displayName: formText(form, 'displayName'),
      role: formText(form, 'role') as User['role'],
      // An account without a password is a system integration, signing in with API tokens.
      ...(password === '' ? {} : { password }),
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
                  </button>{' '}
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    aria-expanded={chosen === user.username}
                    aria-controls="account-panel"
                    onClick={() => {
                      setChosen(chosen === user.username ? null : user.username);
                    }}
                  >
                    Manage {user.username}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div id="account-panel">
        {users.data
          ?.filter((user) => user.username === chosen)
          .map((user) => (
            <AccountPanel key={user.username} user={user} onChange={refresh} />
          ))}
      </div>
      <FormPanel
        legend="New account"
        large
        sending={create}
        refused="The account was not created"
        done={(created) => (
          <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">Created {created.username}.</p>
            </div>
          </div>
        )}
        submit="Create the account"
        onSubmit={submit}
      >
        <Field path="username" label="Username" errors={errors}>
          {(props) => <input className="usa-input" autoComplete="off" {...props} />}
        </Field>
        <Field path="displayName" label="Name" errors={errors}>
          {(props) => <input className="usa-input" autoComplete="off" {...props} />}
        </Field>
        <Field path="role" label="Role" errors={errors}>
          {(props) => (
            <select className="usa-select" {...props} defaultValue="clerk">
              <CodeOptions labels={ROLE_LABELS} />
            </select>
          )}
        </Field>
        <Field
          path="password"
          label="First password"
          hint="Leave it empty for a system integration, which signs in with API tokens only."
          errors={errors}
        >
          {(props) => (
            <input className="usa-input" type="password" autoComplete="new-password" {...props} />
          )}
        </Field>
      </FormPanel>
    </>
  );
}

/**
 * One account's role, password reset and API tokens; the API says what it refuses and why. Its
 * fields' paths are prefixed (`account.role`) to keep their ids apart from the new-account form's.
 */
function AccountPanel({ user, onChange }: { user: User; onChange: () => Promise<void> }) {
  const username = user.username;
  const path = { params: { path: { username } } };
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: ['tokens', username],
    queryFn: async () =>
      ok(await api.GET('/api/users/{username}/tokens', path)) as unknown as ApiToken[],
  });
  const refreshTokens = () => queryClient.invalidateQueries({ queryKey: ['tokens', username] });
  const role = useMutation({
    mutationFn: async (next: User['role']) =>
      ok(await api.POST('/api/users/{username}/role', { ...path, body: { role: next } })),
    onSuccess: onChange,
  });
  const reset = useMutation({
    mutationFn: async (password: string) =>
      ok(await api.POST('/api/users/{username}/password', { ...path, body: { password } })),
    onSuccess: onChange,
  });
  const issue = useMutation({
    mutationFn: async (body: { name: string; expiresInDays?: number }) =>
      ok(await api.POST('/api/users/{username}/tokens', { ...path, body })),
    onSuccess: refreshTokens,
  });
  const revoke = useMutation({
    mutationFn: async (tokenId: string) =>
      ok(
        await api.DELETE('/api/users/{username}/tokens/{tokenId}', {
          params: { path: { username, tokenId } },
        }),
      ),
    onSuccess: refreshTokens,
  });
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">Account {username}</h2>
      <FormPanel
        legend="Role"
        sending={role}
        refused="The role was not changed"
        done={(changed) => (
          <p role="status">
            {changed.username} is now {ROLE_LABELS[changed.role].toLowerCase()}.
          </p>
        )}
        submit="Change the role"
        onSubmit={(form) => {
          role.mutate(formText(form, 'account.role') as User['role']);
        }}
      >
        <Field
          path="account.role"
          label={`Role of ${username}`}
          errors={fieldErrorsOf(role.error, 'account.')}
        >
          {(props) => (
            <select className="usa-select" {...props} defaultValue={user.role}>
              <CodeOptions labels={ROLE_LABELS} />
            </select>
          )}
        </Field>
      </FormPanel>
      <FormPanel
        legend="Reset the password"
        sending={reset}
        refused="The password was not reset"
        done={(account) => (
          <p role="status">
            Password reset.{' '}
            {account.passwordChangeRequired
              ? `${account.username} must choose a new one at their next sign-in.`
              : ''}
          </p>
        )}
        submit="Reset the password"
        onSubmit={(form) => {
          reset.mutate(formText(form, 'account.password'));
        }}
      >
        <Field
          path="account.password"
          label={`New password for ${username}`}
          hint="Give it to them in person; they choose their own when they next sign in."
          errors={fieldErrorsOf(reset.error, 'account.')}
        >
          {(props) => (
            <input className="usa-input" type="password" autoComplete="new-password" {...props} />
          )}
        </Field>
      </FormPanel>
      <h3>API tokens</h3>
      {tokens.error !== null && (
        <ProblemAlert error={tokens.error} heading="The tokens could not be read" />
      )}
      {revoke.error !== null && (
        <ProblemAlert error={revoke.error} heading="The token was not revoked" />
      )}
      {tokens.data !== undefined && tokens.data.length === 0 && <p>No API tokens.</p>}
      {tokens.data !== undefined && tokens.data.length > 0 && (
        <table className="usa-table usa-table--borderless desk-table">
          <caption className="usa-sr-only">API tokens of {username}</caption>
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">Issued</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="usa-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>{formatInstant(token.createdAt)}</td>
                <td>{formatInstant(token.expiresAt)}</td>
                <td>
                  {token.revokedAt === null
                    ? 'Issued'
                    : `Revoked ${formatInstant(token.revokedAt)}`}
                </td>
                <td>
                  {token.revokedAt === null && (
                    <button
                      type="button"
                      className="usa-button usa-button--outline"
                      disabled={revoke.isPending}
                      onClick={() => {
                        revoke.mutate(token.id);
                      }}
                    >
                      Revoke {token.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormPanel
        legend="Issue an API token"
        sending={issue}
        refused="The token was not issued"
        done={(issued) => (
          <div className="usa-alert usa-alert--warning" role="status">
            <div className="usa-alert__body">
              <h4 className="usa-alert__heading">The token, shown this once</h4>
              <p className="usa-alert__text">
                Copy it into the integration now; only its hash is kept. It works until{' '}
                {formatInstant(issued.expiresAt)}.
              </p>
              <p>
                <code>{issued.token}</code>
              </p>
            </div>
          </div>
        )}
        submit="Issue a token"
        onSubmit={(form) => {
          const days = formText(form, 'token.expiresInDays').trim();
          issue.mutate({
            name: formText(form, 'token.name').trim(),
            // Empty: the API's default; anything typed goes as a number for the API to judge.
            ...(days === '' ? {} : { expiresInDays: Number(days) }),
          });
        }}
      >
        <Field
          path="token.name"
          label="What the token is for"
          errors={fieldErrorsOf(issue.error, 'token.')}
        >
          {(props) => <input className="usa-input" autoComplete="off" {...props} />}
        </Field>
        <Field
          path="token.expiresInDays"
          label="Days until it expires"
          hint="Leave it empty for the desk’s default."
          errors={fieldErrorsOf(issue.error, 'token.')}
        >
          {(props) => (
            <input
              className="usa-input usa-input--small"
              type="number"
              inputMode="numeric"
              {...props}
            />
          )}
        </Field>
      </FormPanel>
    </section>
  );
}
