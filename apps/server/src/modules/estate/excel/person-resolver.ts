import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../../db/client.ts';
import { maskIdNumber, type PiiCipher } from '../../../lib/pii-crypto.ts';
import { maskPhone } from '../../../lib/pii.ts';
import { bulkInsert } from './bulk.ts';

export interface PersonInput {
  name: string; phone?: string; idType?: string; idNo?: string;
  gender?: string; birthday?: string; emergencyContact?: string;
}

interface Known { id: string; name: string }

/**
 * Finds the archive's person for each imported one, or plans a new person, without a query per row:
 * the same ID number is the same person (a different name is an error); without an ID number, the
 * same name and phone; with neither, always a new person. New people are deduplicated within the file.
 */
export class PersonResolver {
  private byId = new Map<string, Known>();
  private byNamePhone = new Map<string, Known>();
  private created: unknown[][] = [];

  private constructor(private cipher: PiiCipher, private companyId: string) {}

  static async load(db: Executor, cipher: PiiCipher, companyId: string, inputs: PersonInput[]) {
    const r = new PersonResolver(cipher, companyId);
    const ids = [...new Set(inputs.filter((p) => p.idNo).map((p) => cipher.blindIndex(p.idNo!)))];
    const phones = [...new Set(inputs.filter((p) => p.phone && !p.idNo).map((p) => cipher.blindIndex(p.phone!)))];
    if (ids.length || phones.length) {
      const res: any = await db.execute(sql`select id, name, id_no_bidx, phone_bidx from persons where company_id = ${companyId}
        and (id_no_bidx = any(${sql.param(ids)}::text[]) or phone_bidx = any(${sql.param(phones)}::text[]))`);
      for (const p of res.rows) {
        if (p.id_no_bidx) r.byId.set(p.id_no_bidx, { id: p.id, name: p.name });
        if (p.phone_bidx) r.byNamePhone.set(`${p.name}\u0000${p.phone_bidx}`, { id: p.id, name: p.name });
      }
    }
    return r;
  }

  /** the person's id (existing or planned), or why it cannot be */
  resolve(p: PersonInput, label: string): { id: string } | { error: string } {
    const c = this.cipher;
    const idBidx = p.idNo ? c.blindIndex(p.idNo) : null;
    const phoneBidx = p.phone ? c.blindIndex(p.phone) : null;
    if (idBidx) {
      const known = this.byId.get(idBidx);
      if (known) return known.name === p.name ? { id: known.id } : { error: `${label}证件号码已登记为「${known.name}」，姓名不一致` };
    } else if (phoneBidx) {
      const known = this.byNamePhone.get(`${p.name}\u0000${phoneBidx}`);
      if (known) return { id: known.id };
    }
    const id = uuidv7();
    this.created.push([
      id, this.companyId, p.name,
      p.phone ? c.encrypt(p.phone) : null, phoneBidx, p.phone ? maskPhone(p.phone) : null,
      p.idNo ? (p.idType ?? 'id_card') : (p.idType ?? null), p.idNo ? c.encrypt(p.idNo) : null, idBidx, p.idNo ? maskIdNumber(p.idNo) : null,
      p.gender ?? 'unknown', p.birthday ?? null, p.emergencyContact ?? null,
    ]);
    const known = { id, name: p.name };
    if (idBidx) this.byId.set(idBidx, known);
    if (phoneBidx) this.byNamePhone.set(`${p.name}\u0000${phoneBidx}`, known);
    return { id };
  }

  private used = new Set<string>();
  /** a row that will be written refers to this person; planned people nobody uses are not created */
  use(id: string) { this.used.add(id); }

  async write(tx: Executor) {
    const rows = this.created.filter((r) => this.used.has(r[0] as string));
    await bulkInsert(tx, 'persons', [
      ['id', 'uuid'], ['company_id', 'uuid'], ['name', 'text'], ['phone_enc', 'text'], ['phone_bidx', 'text'], ['phone_masked', 'text'],
      ['id_type', 'text'], ['id_no_enc', 'text'], ['id_no_bidx', 'text'], ['id_no_masked', 'text'], ['gender', 'text'], ['birthday', 'date'],
      ['emergency_contact', 'text'],
    ], rows);
    return rows.length;
  }
}
