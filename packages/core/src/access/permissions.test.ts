import { describe, expect, it } from 'vitest';
import { COMMAND_TRANSITIONS, TRANSITIONS } from '../cases/transitions.ts';
import { actionsFor, can, isPermissionAction, PERMISSION_ACTIONS, PERMISSIONS, rolesFor, type PermissionAction } from './permissions.ts';
import { ROLE_CODES, type RoleCode } from './roles.ts';

const BAWASLU: RoleCode[] = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national'];
const CASE_ROLES: RoleCode[] = [...BAWASLU, 'bkn_verifier', 'bkpsdm_officer', 'ppk_delegate'];
const ALL: RoleCode[] = [...ROLE_CODES];
const ALL_BUT_ANALYST: RoleCode[] = ROLE_CODES.filter((r) => r !== 'analyst');
const PREVENTION_READERS: RoleCode[] = [...BAWASLU, 'bkpsdm_officer', 'ppk_delegate'];

/**
 * The role lists the server guards and the web console used before the table existed (issue 10),
 * spelled out once more: the table must reproduce them exactly (no change of behaviour).
 */
const BEFORE_THE_TABLE: Record<PermissionAction, RoleCode[]> = {
  'session.manage': ALL,
  'notifications.read': ALL,
  'users.manage': ['administrator'],
  'audit.read': ['administrator', 'bawaslu_national'],
  'reports.read': CASE_ROLES, // REPORT_READER_ROLES
  'reports.triage': BAWASLU, // REPORT_OFFICER_ROLES
  'reports.finding': BAWASLU, // issue 15: a weak report as a Bawaslu finding
  'workload.read': ALL, // issue 15: the day's work on the console home
  'messages.read': CASE_ROLES, // issue 17: the reporter thread
  'messages.ask': BAWASLU, // issue 17
  'inbox.read': BAWASLU, // issue 17: SMS/WhatsApp inbox
  'inbox.triage': BAWASLU, // issue 17
  'cases.read': CASE_ROLES,
  'cases.transition': CASE_ROLES,
  'cases.people': BAWASLU, // issue 15: identify the person
  'cases.siasn-block': ['bkn_verifier'], // issue 15: the SIASN block as a record
  'documents.letters': CASE_ROLES, // issue 15: letters at their step
  'documents.decree.upload': ['ppk_delegate'], // issue 15: the signed decree
  'documents.recommendation': CASE_ROLES,
  'documents.recap': ALL,
  'register.read': ALL_BUT_ANALYST, // REGISTER_READERS
  'register.import': ['bkpsdm_officer', 'administrator'], // REGISTER_IMPORTERS
  'register.agencies.manage': ['bkpsdm_officer', 'administrator'], // issue 14: agencies and units
  'elections.manage': ['administrator'], // issue 14: elections, stages and rulebooks
  'candidates.read': ALL_BUT_ANALYST, // CANDIDATE_READERS
  'candidates.edit': ['bawaslu_regency', 'bawaslu_province', 'bkpsdm_officer', 'administrator'], // CANDIDATE_EDITORS
  'candidates.obligation.record': ['bkpsdm_officer', 'ppk_delegate', 'administrator'], // OBLIGATION_RECORDERS
  'rotations.read': ALL_BUT_ANALYST, // ROTATION_READERS
  'rotations.record': [...BAWASLU, 'bkpsdm_officer', 'administrator'], // ROTATION_RECORDERS
  'rotations.finding': BAWASLU,
  'rotations.terms': [...BAWASLU, 'bkpsdm_officer', 'administrator'],
  'screening.read': [...BAWASLU, 'analyst'], // SCREENING_READERS
  'screening.asn-links.read': BAWASLU, // every screening reader but the analyst
  'screening.triage': BAWASLU, // SCREENING_OFFICERS
  'prevention.coverage.read': ALL, // any staff
  'prevention.read': PREVENTION_READERS, // PREVENTION_READERS
  'prevention.pledge.record': ['bkpsdm_officer', 'ppk_delegate'], // PLEDGE_RECORDERS
  'prevention.event.record': PREVENTION_READERS, // EVENT_RECORDERS
  'dashboards.read': ALL,
  'exports.run': ALL,
  'retention.holds.read': ALL_BUT_ANALYST, // issue 13: a hold shows wherever its record appears
  'retention.holds.manage': [...BAWASLU, 'administrator'], // issue 13
  'retention.read': [...BAWASLU, 'administrator'], // issue 13
  'retention.rules': ['administrator'], // issue 13
  'retention.purge': ['administrator'], // issue 13
};

describe('the permission table', () => {
  it('reproduces, role by role, who could do what before it existed', () => {
    expect([...PERMISSION_ACTIONS].sort()).toEqual(Object.keys(BEFORE_THE_TABLE).sort());
    for (const action of PERMISSION_ACTIONS) {
      for (const role of ROLE_CODES) expect(can(role, action), `${role} ${action}`).toBe(BEFORE_THE_TABLE[action].includes(role));
    }
  });

  it('names only known roles, each once, and describes every action in both languages', () => {
    for (const action of PERMISSION_ACTIONS) {
      const p: { roles: readonly string[]; scope: string; description: { id: string; en: string } } = PERMISSIONS[action];
      expect(p.roles.length, action).toBeGreaterThan(0);
      expect(new Set(p.roles).size, action).toBe(p.roles.length);
      for (const role of p.roles) expect(ROLE_CODES, action).toContain(role);
      expect(['territory', 'own', 'national']).toContain(p.scope);
      expect(p.description.id.length, action).toBeGreaterThan(10);
      expect(p.description.en.length, action).toBeGreaterThan(10);
      expect(p.description.id, action).not.toBe(p.description.en);
    }
  });

  it('gives a national-only action to national roles only', () => {
    for (const action of PERMISSION_ACTIONS.filter((a) => PERMISSIONS[a].scope === 'national')) {
      for (const role of rolesFor(action)) expect(['bawaslu_national', 'bkn_verifier', 'administrator'], `${role} ${action}`).toContain(role);
    }
  });

  it('names actions as capability.verb', () => {
    for (const action of PERMISSION_ACTIONS) expect(action).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
  });

  it('lets every role that takes a case step through the case guard', () => {
    const stepRoles = new Set([...Object.values(TRANSITIONS), ...Object.values(COMMAND_TRANSITIONS)].flatMap((t) => t.roles));
    for (const role of stepRoles) {
      expect(can(role, 'cases.transition'), role).toBe(true);
      expect(can(role, 'cases.read'), role).toBe(true);
    }
    // The merge command closes cases for whoever may merge reports.
    for (const role of COMMAND_TRANSITIONS.merge_into.roles) expect(can(role, 'reports.triage')).toBe(true);
  });

  it('keeps the analyst away from personal data: no case, report, register or name lists', () => {
    const analyst = actionsFor('analyst');
    for (const action of analyst) expect(action).not.toMatch(/^(cases|reports|register|candidates|rotations|users)\.|asn-links|^prevention\.read$/);
    expect(analyst).toContain('dashboards.read');
    expect(analyst).toContain('screening.read');
  });
});

describe('can, rolesFor, actionsFor', () => {
  it('refuses unknown roles and look-alikes', () => {
    expect(can('ADMINISTRATOR', 'users.manage')).toBe(false);
    expect(can('toString', 'dashboards.read')).toBe(false);
    expect(can('', 'dashboards.read')).toBe(false);
    expect(actionsFor('nobody')).toEqual([]);
  });

  it('lists roles in the order of ROLE_CODES', () => {
    expect(rolesFor('rotations.record')).toEqual(['bawaslu_regency', 'bawaslu_province', 'bawaslu_national', 'bkpsdm_officer', 'administrator']);
    expect(rolesFor('users.manage')).toEqual(['administrator']);
    expect(rolesFor('dashboards.read')).toEqual(ROLE_CODES);
  });

  it('agrees with itself: rolesFor and actionsFor are the two readings of can', () => {
    for (const role of ROLE_CODES) {
      for (const action of PERMISSION_ACTIONS) expect(actionsFor(role).includes(action)).toBe(rolesFor(action).includes(role));
    }
  });

  it('recognises action names', () => {
    expect(isPermissionAction('cases.read')).toBe(true);
    expect(isPermissionAction('cases')).toBe(false);
    expect(isPermissionAction('hasOwnProperty')).toBe(false);
  });
});
