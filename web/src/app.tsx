/**
 * The app's pages and the frame around them: a skip link, the header with who is signed in, and
 * the page. Every page but sign-in needs a session; without one the person is sent to sign in and
 * brought back to the page they asked for.
 * @module
 */
import type { ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { AccountsPage } from './pages/accounts-page';
import { AuditPage } from './pages/audit-page';
import { CasePage } from './pages/case-page';
import { IntakePage } from './pages/intake-page';
import { LawPage } from './pages/law-page';
import { NotFoundPage } from './pages/not-found-page';
import { QueuePage } from './pages/queue-page';
import { SignInPage } from './pages/sign-in-page';
import { useSession } from './session';
import { ROLE_LABELS } from './labels';

export function App() {
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <Header />
      <main id="main-content" className="grid-container padding-bottom-6" tabIndex={-1}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/" element={<RequireSession page={<QueuePage />} />} />
          <Route path="/cases/:id" element={<RequireSession page={<CasePage />} />} />
          <Route path="/intake" element={<RequireSession page={<IntakePage />} />} />
          <Route path="/audit" element={<RequireSession page={<AuditPage />} />} />
          <Route path="/accounts" element={<RequireSession page={<AccountsPage />} />} />
          {/* The law is public: no session needed to read it. */}
          <Route path="/law" element={<LawPage />} />
          <Route path="*" element={<RequireSession page={<NotFoundPage />} />} />
        </Routes>
      </main>
    </>
  );
}

function Header() {
  const { state, signOut } = useSession();
  return (
    <header className="desk-header">
      <div className="grid-container desk-header__inner">
        <Link className="desk-header__title" to="/">
          Detainer Desk
        </Link>
        {state.status === 'signed-in' && (
          <nav aria-label="Main" className="desk-header__nav">
            <Link to="/">Queue</Link>
            <Link to="/intake">Record a request</Link>
            <Link to="/audit">Audit log</Link>
            <Link to="/accounts">Accounts</Link>
            <Link to="/law">Law</Link>
            <span>
              {state.user.displayName ?? state.user.username} ({ROLE_LABELS[state.user.role]})
            </span>
            <button
              type="button"
              className="usa-button usa-button--outline desk-header__button"
              onClick={() => void signOut()}
            >
              Sign out
            </button>
          </nav>
        )}
      </div>
    </header>
  );
}

function RequireSession({ page }: { page: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <p aria-live="polite">Loading…</p>;
  if (state.status === 'signed-out') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return page;
}
