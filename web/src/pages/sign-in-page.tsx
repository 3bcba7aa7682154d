/**
 * Sign in. The API decides everything (wrong password, lockout, throttling) and the page shows its
 * words; after signing in the person goes back to the page they were on.
 * @module
 */
import { useState, type SubmitEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../components/problem-alert';
import { useSession } from '../session';

/** Only a path on this site, never another origin (`//evil.example`). */
function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="desk-narrow">
      <h1>Sign in</h1>
      {state.status === 'signed-out' && state.expired && (
        <div className="usa-alert usa-alert--warning" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              Your session has ended. Sign in again to go back to the page you were on.
            </p>
          </div>
        </div>
      )}
      {error !== undefined && <ProblemAlert error={error} heading="Not signed in" />}
      <form className="usa-form" onSubmit={(event) => void submit(event)}>
        <label className="usa-label" htmlFor="username">
          Username
        </label>
        <input
          className="usa-input"
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => {
            setUsername(event.target.value);
          }}
        />
        <label className="usa-label" htmlFor="password">
          Password
        </label>
        <input
          className="usa-input"
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
        />
        <button className="usa-button" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        The law the desk decides by is public:{' '}
        <Link to="/law">read the law in force on any day</Link> without signing in.
      </p>
    </div>
  );
}
