/**
 * The `local` driver: files under one directory, as Netra stored evidence before there were
 * drivers (same layout, so an existing data directory keeps working). Each file is written to a
 * temporary name in `<root>/.tmp/`, fsync'd, renamed into place and its directory fsync'd, so a
 * crash never leaves half a file under a key. Several servers may share the directory (NFS or a
 * similar shared volume); object storage (s3-store.ts) is the better fit for that.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { checkKey, FileNotFoundError, type FileStore } from './file-store.ts';

async function fsyncPath(target: string): Promise<void> {
  const handle = await fsp.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Directories whose descriptor a store keeps open for their fsync (the 256 `sha256/xx/` folders and a few more). */
const MAX_DIR_HANDLES = 320;

export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => path.join(root, checkKey(key));
  // Issue 11, fifth pass: a directory's fsync on a descriptor kept open (one thread-pool call per
  // file placed, not open + fsync + close). fsync on any descriptor of the directory makes its
  // entries durable; a folder removed by hand is forgotten (below) and opened again.
  const dirHandles = new Map<string, Promise<fsp.FileHandle>>();
  const fsyncDir = async (dir: string) => {
    let handle = dirHandles.get(dir);
    if (!handle) {
      if (dirHandles.size >= MAX_DIR_HANDLES) {
        const [oldest, old] = dirHandles.entries().next().value as [string, Promise<fsp.FileHandle>];
        dirHandles.delete(oldest);
        void old.then((h) => h.close()).catch(() => {});
      }
      handle = fsp.open(dir, 'r');
      dirHandles.set(dir, handle);
      handle.catch(() => dirHandles.delete(dir));
    }
    await (await handle).sync();
  };
  const forgetDir = (dir: string) => {
    const handle = dirHandles.get(dir);
    dirHandles.delete(dir);
    void handle?.then((h) => h.close()).catch(() => {});
    return made.delete(dir);
  };
  // Folders known to exist: made once per process, not once per file (a removed one is made again).
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    await fsp.mkdir(dir, { recursive: true });
    made.add(dir);
  };
  const tempPath = async () => {
    const dir = path.join(root, '.tmp');
    await ensureDir(dir);
    return path.join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  };
  /**
   * Rename a finished, fsync'd temp file into place under `key`. The rename is tried first and its
   * folder made only when it is missing (issue 11, sixth pass: no `mkdir` hand-off for each of the
   * 256 folders after every start, where they almost always exist already).
   */
  const place = async (key: string, temp: string) => {
    const target = pathOf(key);
    await fsp.rename(temp, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      // The folder is missing (new, or removed by hand): made, then the rename once more.
      forgetDir(path.dirname(target));
      await ensureDir(path.dirname(target));
      await fsp.rename(temp, target);
    });
    await fsyncDir(path.dirname(target));
  };

  return {
    driver: 'local',
    async putFile(key, localPath) {
      const temp = await tempPath();
      try {
        // A copy, not a rename: the caller's file may be on another file system and stays theirs.
        await fsp.copyFile(localPath, temp);
        await fsyncPath(temp);
        await place(key, temp);
      } catch (error) {
        await fsp.rm(temp, { force: true });
        throw error;
      }
    },
    async adoptFile(key, localPath, options) {
      // One fsync of the bytes where they already are (none when the caller fsync'd them on its
      // own descriptor), then the rename (and its directory): no second copy, no second fsync.
      // Another file system: copied like putFile.
      if (!options?.synced) await fsyncPath(localPath);
      try {
        await place(key, localPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await this.putFile(key, localPath);
        await fsp.rm(localPath, { force: true });
      }
    },
    async putBuffer(key, bytes) {
      const temp = await tempPath();
      try {
        await fsp.writeFile(temp, bytes, { mode: 0o600 });
        await fsyncPath(temp);
        await place(key, temp);
      } catch (error) {
        await fsp.rm(temp, { force: true });
        throw error;
      }
    },
    async exists(key) {
      // Asynchronous: a synchronous stat would hold the event loop on every upload.
      return fsp.access(pathOf(key)).then(
        () => true,
        () => false,
      );
    },
    async open(key) {
      const file = pathOf(key);
      const handle = await fsp.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? new FileNotFoundError(key) : error;
      });
      return handle.createReadStream() as Readable;
    },
    async remove(key) {
      await fsp.rm(pathOf(key), { force: true });
    },
    async close() {
      const handles = [...dirHandles.values()];
      dirHandles.clear();
      await Promise.all(handles.map((h) => h.then((x) => x.close()).catch(() => {})));
    },
  };
}
