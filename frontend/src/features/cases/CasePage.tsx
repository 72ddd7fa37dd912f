/** Cases room: one case's tab pages of this room (Oversikt, Ungdomsplan, Notater, Team), each in
 * the shared `CaseShell`. */
import { useParams } from 'react-router';
import { CaseShell } from './CaseShell';
import { Notes } from './view/Notes';
import { Overview } from './view/Overview';
import { Plan } from './view/Plan';
import { Team } from './view/Team';

export type OwnTab = 'overview' | 'plan' | 'notes' | 'team';

export default function CasePage({ tab }: { tab: OwnTab }) {
  const { id = '' } = useParams();
  return (
    <CaseShell caseId={id} tab={tab}>
      {(view) => {
        switch (tab) {
          case 'overview':
            return <Overview view={view} />;
          case 'plan':
            return <Plan view={view} />;
          case 'notes':
            return <Notes view={view} />;
          case 'team':
            return <Team view={view} />;
        }
      }}
    </CaseShell>
  );
}
