import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What a citizen may attach: PDF scans and photos. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_UPLOAD = 10;

const SHA256 = /^[0-9a-f]{64}$/;

/** The type the first bytes prove, whatever the sender declared; null for anything else. */
export function sniffType(head: Uint8Array): AttachmentType | null {
  const starts = (...bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

/** A file received into the store's temporary area, not yet visible under its hash. */
export interface StagedFile {
  tmpPath: string;
  sha256: string;
  size: number;
  /** Read from the magic bytes; null when it is none of ATTACHMENT_TYPES. */
  sniffedType: AttachmentType | null;
  /** More than the limit arrived; the rest was dropped, the temporary file must be discarded. */
  tooLarge: boolean;
}

/**
 * Attachment bytes on disk, content-addressed: `${dataDir}/files/<sha256>`. A file is streamed
 * to a temporary file in the same directory tree (hashing and counting as it goes), flushed,
 * then renamed into place, so a reader never sees a half-written file; the same content
 * uploaded twice is one file. Only bytes here: the `documents` rows are the caller's.
 */
export class AttachmentStore {
  readonly dir: string;
  private readonly tmpDir: string;
  private ready: Promise<void> | undefined;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'files');
    this.tmpDir = path.join(this.dir, '.tmp');
  }

  private init() {
    return (this.ready ??= mkdir(this.tmpDir, { recursive: true }).then(() => undefined));
  }

  /** Streams `source` to a temporary file; past `maxBytes` it keeps draining but stops writing. */
  async receive(source: Readable, maxBytes = MAX_ATTACHMENT_BYTES): Promise<StagedFile> {
    await this.init();
    const tmpPath = path.join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let tooLarge = false;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) tooLarge = true;
        if (tooLarge) return done(); // drain the sender, write nothing more
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx' }));
      const fh = await open(tmpPath, 'r');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      await rm(tmpPath, { force: true });
      throw err;
    }
    return { tmpPath, sha256: hash.digest('hex'), size, sniffedType: sniffType(head), tooLarge };
  }

  /** Makes a staged file visible under its hash (an identical file already there stays valid). */
  async commit(f: StagedFile): Promise<void> {
    if (f.tooLarge) throw new Error('an oversize upload cannot be committed');
    await rename(f.tmpPath, this.pathOf(f.sha256));
  }

  async discard(f: StagedFile): Promise<void> {
    await rm(f.tmpPath, { force: true });
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.dir, sha256);
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  /** The stored bytes, or null when the file is missing. */
  async open(sha256: string): Promise<{ size: number; stream: ReadStream } | null> {
    const file = this.pathOf(sha256);
    const s = await stat(file).catch(() => null);
    if (!s?.isFile()) return null;
    return { size: s.size, stream: createReadStream(file) };
  }
}
