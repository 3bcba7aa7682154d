/**
 * The app's pages and the frame around them: a skip link, the header with who is signed in, and
 * the page. Every page but sign-in, the reports, the law and the calculator (public) needs a
 * session; without one the person is sent to sign in and brought back to the page they asked for.
 * The reports' pages (and the charts they draw) and the calculator (with the law engine) load only
 * when opened, so the first page does not carry them.
 * @module
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { AccountsPage } from './pages/accounts-page';
import { AuditPage } from './pages/audit-page';
import { EnforcementRequestsPage } from './pages/enforcement-requests-page';
import { CasePage } from './pages/case-page';
import { IntakePage } from './pages/intake-page';
import { LawPage } from './pages/law-page';
import { NotFoundPage } from './pages/not-found-page';
import { PasswordPage } from './pages/password-page';
import { QueuePage } from './pages/queue-page';
import { SignInPage } from './pages/sign-in-page';
import { useSession, type Permission } from './session';
import { ROLE_LABELS } from './labels';

const ReportsPage = lazy(async () => ({
  default: (await import('./pages/reports-page')).ReportsPage,
}));
const ReportPage = lazy(async () => ({
  default: (await import('./pages/report-page')).ReportPage,
}));
const IceRecordsPage = lazy(async () => ({
  default: (await import('./pages/ice-records-page')).IceRecordsPage,
}));
const ReplayPage = lazy(async () => ({
  default: (await import('./pages/replay-page')).ReplayPage,
}));
// The calculator carries the law engine and every jurisdiction's law: its own chunk.
const CalculatorPage = lazy(async () => ({
  default: (await import('./pages/calculator-page')).CalculatorPage,
}));

function Later({ page }: { page: ReactNode }) {
  return <Suspense fallback={<p aria-live="polite">Loading…</p>}>{page}</Suspense>;
}

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
          <Route path="/" element={<RequireSession page={<HomePage />} />} />
          <Route path="/cases/:id" element={<RequireSession page={<CasePage />} />} />
          <Route path="/intake" element={<RequireSession page={<IntakePage />} />} />
          <Route path="/audit" element={<RequireSession page={<AuditPage />} />} />
          <Route
            path="/enforcement-requests"
            element={<RequireSession page={<EnforcementRequestsPage />} />}
          />
          <Route path="/accounts" element={<RequireSession page={<AccountsPage />} />} />
          <Route
            path="/what-if"
            element={<RequireSession page={<Later page={<ReplayPage />} />} />}
          />
          {/* The law, the reports and the calculator are public: no session needed. */}
          <Route path="/law" element={<LawPage />} />
          <Route path="/reports" element={<Later page={<ReportsPage />} />} />
          <Route path="/reports/:jurisdiction" element={<Later page={<ReportPage />} />} />
          <Route path="/ice" element={<Later page={<IceRecordsPage />} />} />
          <Route path="/calculator" element={<Later page={<CalculatorPage />} />} />
          <Route path="/password" element={<RequireSession page={<PasswordPage />} />} />
          <Route path="*" element={<RequireSession page={<NotFoundPage />} />} />
        </Routes>
      </main>
    </>
  );
}

/** The pages in the navigation, each shown only to a person whose role has its permission. */
const NAV: { to: string; label: string; permission: Permission }[] = [
  { to: '/', label: 'Queue', permission: 'case.read' },
  { to: '/intake', label: 'Record a request', permission: 'case.intake' },
  {
    to: '/enforcement-requests',
    label: 'Law enforcement requests',
    permission: 'enforcement-request.read',
  },
  { to: '/what-if', label: 'What if', permission: 'what-if.replay' },
  { to: '/audit', label: 'Audit log', permission: 'audit.read' },
  { to: '/accounts', label: 'Accounts', permission: 'users.manage' },
];

function Header() {
  const { state, signOut } = useSession();
  const { pathname } = useLocation();
  return (
    <header className="desk-header">
      <div className="grid-container desk-header__inner">
        <Link className="desk-header__title" to="/">
          Detainer Desk
        </Link>
        {state.status === 'signed-in' && (
          <nav aria-label="Main" className="desk-header__nav">
            {/* Until a password set by an administrator is changed, the API allows nothing else. */}
            {!state.passwordChangeRequired &&
              NAV.filter((item) => state.user.permissions.includes(item.permission)).map((item) => (
                <Link key={item.to} to={item.to}>
                  {item.label}
                </Link>
              ))}
            <Link to="/reports">Reports</Link>
            <Link to="/ice">ICE’s records</Link>
            <Link to="/law">Law</Link>
            <Link to="/calculator">Calculator</Link>
            <Link to="/password">Change password</Link>
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
        {/* A visitor may read the reports and the law and use the calculator, and nothing else. */}
        {state.status === 'signed-out' && (
          <nav aria-label="Main" className="desk-header__nav">
            <Link to="/reports">Reports</Link>
            <Link to="/ice">ICE’s records</Link>
            <Link to="/law">Law</Link>
            <Link to="/calculator">Calculator</Link>
            {pathname !== '/sign-in' && <Link to="/sign-in">Sign in</Link>}
          </nav>
        )}
      </div>
    </header>
  );
}

/**
 * The queue, or for a role that may not read cases (an administrator) the first page of the
 * navigation it may use, so nobody lands on a refusal.
 */
function HomePage() {
  const { state } = useSession();
  if (state.status !== 'signed-in' || state.user.permissions.includes('case.read')) {
    return <QueuePage />;
  }
  const first = NAV.find((item) => state.user.permissions.includes(item.permission));
  return <Navigate to={first?.to ?? '/law'} replace />;
}

function RequireSession({ page }: { page: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <p aria-live="polite">Loading…</p>;
  if (state.status === 'signed-out') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (state.passwordChangeRequired && location.pathname !== '/password') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/password?next=${next}`} replace />;
  }
  return page;
}
