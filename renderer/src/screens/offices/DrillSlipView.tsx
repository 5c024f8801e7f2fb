import { useTranslation } from 'react-i18next';
import { PrintedSlip } from '../exchange/PrintedSlip';

export type DrillSlip = {
  readonly officeName: string;
  readonly jurisdiction: string;
  readonly oldFingerprint: string;
  readonly newFingerprint: string;
  readonly revokedFrom: string;
  readonly reason: string;
  readonly fileNames: readonly string[];
  readonly partners: readonly { key: string; name: string; jurisdiction: string; fingerprint: string }[];
};

function SlipDocument({ slip, headingId }: { readonly slip: DrillSlip; readonly headingId?: string }) {
  const { t } = useTranslation();
  const rows: [string, string | readonly string[]][] = [
    [t('drill.slip.office'), slip.officeName],
    [t('drill.slip.jurisdiction'), slip.jurisdiction],
    [t('drill.slip.newFingerprint'), slip.newFingerprint],
    [t('drill.slip.oldFingerprint'), slip.oldFingerprint],
    [t('drill.slip.revokedFrom'), slip.revokedFrom],
    [t('drill.slip.reason'), slip.reason],
    [t('drill.slip.files'), slip.fileNames],
  ];
  return (
    <article className="print-document transmittal-slip">
      <h2 id={headingId}>{t('drill.slip.title', { office: slip.officeName })}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="transmittal-slip__row">
            <dt>{label}</dt>
            <dd className="mono">
              {typeof value === 'string' ? value : value.map((line) => <div key={line}>{line}</div>)}
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('drill.slip.partnersHeading')}</h3>
      {slip.partners.length === 0 ? (
        <p className="empty">{t('drill.slip.none')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('drill.slip.name')}</th>
              <th scope="col">{t('drill.slip.jurisdiction')}</th>
              <th scope="col">{t('drill.slip.fingerprint')}</th>
            </tr>
          </thead>
          <tbody>
            {slip.partners.map((partner) => (
              <tr key={partner.key}>
                <td>{partner.name}</td>
                <td>{partner.jurisdiction}</td>
                <td className="mono">{partner.fingerprint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('drill.slip.instructions')}</p>
    </article>
  );
}

/** The slip that goes with the drill's two files: which offices to give them to, and the digits to compare. */
export function DrillSlipView({ slip, fileId }: { readonly slip: DrillSlip; readonly fileId: string }) {
  const { t } = useTranslation();
  return (
    <PrintedSlip
      document={(headingId) => <SlipDocument slip={slip} headingId={headingId} />}
      headingId="drill-slip-heading"
      testId="drill-slip"
      fileName={`key-change-${fileId}.pdf`}
      printLabel={t('drill.slip.print')}
    />
  );
}
