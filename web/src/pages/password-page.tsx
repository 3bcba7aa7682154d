/**
 * Changing one's own password (POST /api/session/password). After an administrator set the
 * password, signing in leads here and nowhere else until it is changed; then the person goes on
 * to the page they asked for. The API judges the new password, and the page shows its words.
 * @module
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../api/client';
import { Field, fieldErrorsOf } from '../components/field';
import { ProblemAlert } from '../components/problem-alert';
import { useSession } from '../session';

export function PasswordPage() {
  const { state, passwordChanged } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const required = state.status === 'signed-in' && state.passwordChangeRequired;
  const next = params.get('next');
  const change = useMutation({
    mutationFn: async () => {
      ok(await api.POST('/api/session/password', { body: { currentPassword, newPassword } }));
    },
    onSuccess: () => {
      passwordChanged();
      setCurrentPassword('');
      setNewPassword('');
      // Only a path on this site, never another origin (`//evil.example`).
      if (required && next !== null && next.startsWith('/') && !next.startsWith('//')) {
        void navigate(next, { replace: true });
      }
    },
  });
  const errors = fieldErrorsOf(change.error);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate();
  };

  return (
    <div className="desk-narrow">
      <h1>Change your password</h1>
      {required && (
        <div className="usa-alert usa-alert--warning" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              An administrator set your password. Choose a new one before you go on.
            </p>
          </div>
        </div>
      )}
      {change.isSuccess && (
        <div className="usa-alert usa-alert--success" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              Your password was changed. Your other sessions have ended.
            </p>
          </div>
        </div>
      )}
      {change.error !== null && (
        <ProblemAlert error={change.error} heading="The password was not changed" />
      )}
      <form className="usa-form" onSubmit={submit} noValidate>
        <Field path="currentPassword" label="Current password" errors={errors}>
          {(props) => (
            <input
              className="usa-input"
              type="password"
              autoComplete="current-password"
              {...props}
              value={currentPassword}
              onChange={(event) => {
                setCurrentPassword(event.target.value);
              }}
            />
          )}
        </Field>
        <Field path="newPassword" label="New password" errors={errors}>
          {(props) => (
            <input
              className="usa-input"
              type="password"
              autoComplete="new-password"
              {...props}
              value={newPassword}
              onChange={(event) => {
                setNewPassword(event.target.value);
              }}
            />
          )}
        </Field>
        <button className="usa-button" type="submit" disabled={change.isPending}>
          Change password
        </button>
      </form>
    </div>
  );
}
