import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Actor } from '@shared/domain/actor';
import type { Case } from '@shared/domain/case';
import type { AuditEvent } from '@shared/audit/audit-event';
import type { CasebridgeApi } from '@shared/ipc/contract';
import type { OfficeSettings } from '@shared/workflow/workflow-types';
import type { VaultSession } from '../vault/vault-session';
import type { OfficeProfile } from '../vault/records/office-profile';
import { actorFromPerson } from './case-actor';
import type { PersonRecord } from '../vault/records/person-record';
import type { Result } from '@shared/result';
import type { PersonEntry } from '../vault/vault-service';
import { CaseRepository } from './case-repository';
import { readOfficeSettings, saveOfficeSettings } from './office-settings';
import { DEFAULT_OFFICE_SETTINGS, workflowContext } from './workflow-context';
import { useAsyncEffect } from '../hooks/useAsyncEffect';
import type { CaseScope } from './case-scope';
import { dropKeptDraft, keepDrafts, readKeptDraft, type KeptDraftRecord } from '../vault/kept-drafts';
import type { VaultWriteErrorCode } from '../vault/vault-write';
import { readSavedViews, writeSavedViews, type SavedView } from './saved-views';

export type KeptDrafts = {
  /** Registers a form on screen; `unsaved` gives its value, or null when nothing is unsaved. Returns the unregister. */
  readonly register: (key: string, unsaved: () => unknown) => () => void;
  readonly read: (key: string) => Promise<KeptDraftRecord | null>;
  /** Writes one form's value now (autosave); false when the vault refused the write (e.g. it is locking). */
  readonly keep: (key: string, value: unknown) => Promise<boolean>;
  readonly drop: (key: string) => Promise<void>;
};

/** The signed-in person's saved case-list views (`saved-views.ts`). */
export type SavedViews = {
  readonly read: () => Promise<readonly SavedView[]>;
  readonly write: (views: readonly SavedView[]) => Promise<Result<void, VaultWriteErrorCode>>;
};

export type CasesContextValue = {
  readonly shell: CasebridgeApi;
  readonly repository: CaseRepository;
  readonly profile: OfficeProfile | null;
  readonly actor: Actor;
  /** The signed-in person's record: name and granted roles (null while it loads). */
  readonly person: PersonRecord | null;
  /** Everyone on record, removed people too: the audit trail names who did each step. */
  readonly people: readonly PersonRecord[];
  /** A person's name for an actor id (the id itself for acts from before persons existed). */
  readonly nameOf: (id: string) => string;
  /**
   * A second person confirms with their own passphrase (the signed-in session stays open) and `act` runs with their
   * key in the keyring, so what it records is signed by them. Fails before `act` on a wrong passphrase.
   */
  readonly coSign: (
    personId: string,
    passphrase: string,
    act: (second: PersonEntry) => Promise<void>,
  ) => Promise<Result<void, string>>;
  /** Reads the person records again (after Settings → People changed them). */
  readonly reloadPeople: () => Promise<void>;
  readonly settings: OfficeSettings;
  /** "My cases" or "all cases", shared by the dashboard and the case list. */
  readonly scope: CaseScope;
  /** Unsaved forms kept across a lock, for the signed-in person (`vault/kept-drafts.ts`). */
  readonly keptDrafts: KeptDrafts;
  readonly savedViews: SavedViews;
  readonly setScope: (scope: CaseScope) => void;
  readonly saveProfile: (profile: OfficeProfile) => Promise<string | null>;
  readonly saveSettings: (settings: OfficeSettings) => Promise<string | null>;
};

const CasesContext = createContext<CasesContextValue | null>(null);

/** Gives the case screens the repository, the acting role and the office's workflow settings. */
export function CasesProvider({
  session,
  shell,
  children,
}: {
  readonly session: VaultSession;
  readonly shell: CasebridgeApi;
  readonly children: ReactNode;
}) {
  const [profile, setProfile] = useState<OfficeProfile | null>(session.profile);
  const [settings, setSettings] = useState<OfficeSettings>(DEFAULT_OFFICE_SETTINGS);
  const [people, setPeople] = useState<readonly PersonRecord[]>([]);
  const [scope, setScope] = useState<CaseScope>('all');
  const personId = session.vault.person?.personId;
  const keptDrafts = useMemo<KeptDrafts>(() => {
    const me = personId ?? '';
    return {
      register: (key, unsaved) => session.vault.drafts.register(key, unsaved),
      read: (key) => readKeptDraft(session.vault.db, me, key),
      keep: (key, value) => keepDrafts(session.vault.db, me, [{ key, value }], new Date()).catch(() => false),
      drop: (key) => dropKeptDraft(session.vault.db, me, key),
    };
  }, [session.vault, personId]);
  const savedViews = useMemo<SavedViews>(() => {
    const me = personId ?? '';
    return {
      read: () => readSavedViews(session.vault.db, me),
      write: (views) => writeSavedViews(session.vault.db, me, views),
    };
  }, [session.vault, personId]);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const records = await session.vault.people.personRecords();
        if (alive()) setPeople(records);
      },
      [session.vault],
    ),
  );
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const read = await readOfficeSettings(session.vault.db);
        if (alive()) setSettings(read);
      },
      [session.vault],
    ),
  );
  const repository = useMemo(
    () => new CaseRepository(session.vault.db, workflowContext(session.vault.kit, session.vault.keyring, settings)),
    [session.vault, settings],
  );
  const saveProfile = useCallback(
    async (next: OfficeProfile) => {
      const saved = await session.vault.saveProfile(next);
      if (saved.ok) setProfile(next);
      return saved.ok ? null : saved.error.message;
    },
    [session.vault],
  );
  const saveSettingsAndUse = useCallback(
    async (next: OfficeSettings) => {
      const saved = await saveOfficeSettings(session.vault.db, next);
      if (saved.ok) setSettings(next);
      return saved.ok ? null : saved.error.message;
    },
    [session.vault],
  );
  const person = useMemo(() => people.find((r) => r.id === personId) ?? null, [people, personId]);
  const reloadPeople = useCallback(async () => setPeople(await session.vault.people.personRecords()), [session.vault]);
  const coSign = useCallback(
    (personId: string, passphrase: string, act: (second: PersonEntry) => Promise<void>) =>
      session.vault.people.coSign(personId, passphrase, act),
    [session.vault],
  );
  const nameOf = useCallback((id: string) => people.find((r) => r.id === id)?.name ?? id, [people]);
  const value = useMemo(
    () => ({
      people,
      nameOf,
      coSign,
      reloadPeople,
      shell,
      repository,
      profile,
      actor: actorFromPerson(person),
      person,
      settings,
      scope,
      setScope,
      keptDrafts,
      savedViews,
      saveProfile,
      saveSettings: saveSettingsAndUse,
    }),
    [
      shell,
      repository,
      profile,
      people,
      nameOf,
      coSign,
      reloadPeople,
      person,
      settings,
      scope,
      keptDrafts,
      savedViews,
      saveProfile,
      saveSettingsAndUse,
    ],
  );
  return <CasesContext.Provider value={value}>{children}</CasesContext.Provider>;
}

export function useCases(): CasesContextValue {
  const value = useContext(CasesContext);
  if (value === null) throw new Error('useCases must be used inside <CasesProvider>.');
  return value;
}

/** All cases, re-read whenever the cases table changes (undefined while the first read runs). */
export function useAllCases(): Case[] | undefined {
  const { repository } = useCases();
  return useLiveQuery(() => repository.all(), [repository]);
}

/** One case and its audit trail, kept current (undefined while loading, null when missing). */
export function useCaseWithTrail(caseId: string): { case: Case | null; events: AuditEvent[] } | undefined {
  const { repository } = useCases();
  return useLiveQuery(
    async () => ({ case: await repository.get(caseId), events: await repository.events(caseId) }),
    [repository, caseId],
  );
}

/** "Now" for deadline displays: re-rendered every minute so clocks count down without a reload. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
