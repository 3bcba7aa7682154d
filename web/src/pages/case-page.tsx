import { useParams } from 'react-router';

export function CasePage() {
  const { id } = useParams();
  return <h1>Case {id}</h1>;
}
