import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { communeCategories } from '../db/schema';
import type { CommuneCategory } from '../domain/deadline-choice';

type Reader = Pick<Db, 'select'>;

/**
 * The category of a receiving commune as the administrator's list has it now, or null. Read at
 * submission (the answer is then pinned in the dossier's deadline) and by the public deadline
 * calculator; never cached, so a change applies to the next submission at once.
 */
export async function communeCategoryOf(db: Reader, agencyCode: string): Promise<CommuneCategory | null> {
  const [row] = await prepared(db.select({ category: communeCategories.category }).from(communeCategories).where(eq(communeCategories.agencyCode, agencyCode)), 'commune_category_of');
  return row?.category ?? null;
}
