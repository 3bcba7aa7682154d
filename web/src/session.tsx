/**
 * Who is signed in. On load the app asks the API (GET /api/session), so a reload keeps the session;
 * a 401 from any later call means the session expired, and the app says so on the sign-in page.
 * @module
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { api, ok, onSessionLost, setCsrfToken } from './api/client';
import type { components } from './api/openapi';

export type User = components['schemas']['Session']['user'];
/** Something a role may do, as the API names it (`case.intake`, `users.manage` …). */
export type Permission = User['permissions'][number];

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  /** `passwordChangeRequired`: an administrator set the password; the API allows nothing else. */
  | { status: 'signed-in'; user: User; passwordChangeRequired: boolean };

interface SessionApi {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** The person chose a new password (POST /api/session/password answered 204). */
  passwordChanged: () => void;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = state.status === 'signed-in';
  }, [state]);

  useEffect(() => {
    let active = true;
    void api.GET('/api/session').then(({ data }) => {
      if (!active) return;
      if (data === undefined) {
        setState({ status: 'signed-out', expired: false });
      } else {
        setCsrfToken(data.csrfToken);
        setState({
          status: 'signed-in',
          user: data.user,
          passwordChangeRequired: data.passwordChangeRequired,
        });
      }
    });
    onSessionLost(() => {
      // A visitor asking for something that needs a session (a report for a period that is not
      // public) has no session to lose: the page shows the API's refusal, nothing is cleared.
      if (!signedIn.current) return;
      queryClient.clear();
      setState((current) =>
        current.status === 'signed-in' ? { status: 'signed-out', expired: true } : current,
      );
    });
    return () => {
      active = false;
    };
  }, [queryClient]);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = ok(await api.POST('/api/session', { body: { username, password } }));
    setCsrfToken(session.csrfToken);
    setState({
      status: 'signed-in',
      user: session.user,
      passwordChangeRequired: session.passwordChangeRequired,
    });
  }, []);

  const signOut = useCallback(async () => {
    ok(await api.DELETE('/api/session'));
    setCsrfToken('');
    queryClient.clear();
    setState({ status: 'signed-out', expired: false });
  }, [queryClient]);

  const passwordChanged = useCallback(() => {
    setState((current) =>
      current.status === 'signed-in' ? { ...current, passwordChangeRequired: false } : current,
    );
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, passwordChanged }),
    [state, signIn, signOut, passwordChanged],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages behind RequireSession. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser outside a signed-in page');
  return state.user;
}
