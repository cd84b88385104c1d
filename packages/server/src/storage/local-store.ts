/**
 * The `local` driver: files under one directory, as Netra stored evidence before there were
 * drivers (same layout, so an existing data directory keeps working). Each file is written to a
 * temporary name in `<root>/.tmp/`, fsync'd, renamed into place and its directory fsync'd, so a
 * crash never leaves half a file under a key. Several servers may share the directory (NFS or a
 * similar shared volume); object storage (s3-store.ts) is the better fit for that.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
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

export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => path.join(root, checkKey(key));
  const tempPath = async () => {
    const dir = path.join(root, '.tmp');
    await fsp.mkdir(dir, { recursive: true });
    return path.join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  };
  /** Rename a finished, fsync'd temp file into place under `key`. */
  const place = async (key: string, temp: string) => {
    const target = pathOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.rename(temp, target);
    await fsyncPath(path.dirname(target));
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
      return fs.existsSync(pathOf(key));
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
    async close() {},
  };
}
