import { promisify } from 'node:util';
import { gunzip as gunzipCallback, inflateRaw as inflateRawCallback } from 'node:zlib';

// On the thread pool: a 25 MB binary inflates while the file policy reads the repository.
const gunzipAsync = promisify(gunzipCallback);
const inflateRawAsync = promisify(inflateRawCallback);

/**
 * Reads one file out of a release archive in memory: no `tar` or `unzip` on the runner needed,
 * and a damaged archive is an error here instead of a half-extracted binary.
 * Throws an Error describing the damage; the caller names the archive.
 */
export async function readArchiveMember(archive: Buffer, format: 'tar.gz' | 'zip', name: string): Promise<Buffer> {
  const member = format === 'zip' ? await readZipMember(archive, name) : readTarMember(await gunzip(archive), name);
  if (!member) throw new Error(`it has no ${name}`);
  return member;
}

async function gunzip(archive: Buffer): Promise<Buffer> {
  try {
    return await gunzipAsync(archive);
  } catch (error) {
    throw new Error(`it is not a complete gzip file (${(error as Error).message})`, { cause: error });
  }
}

function readTarMember(tar: Buffer, name: string): Buffer | undefined {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return undefined;
    const size = Number.parseInt(cString(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const start = offset + 512;
    if (start + size > tar.length) throw new Error('its tar stream is truncated');
    const data = tar.subarray(start, start + size);
    const prefix = cString(header, 345, 155);
    const entryName = longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
    longName = type === 'L' ? cString(data, 0, data.length) : undefined;
    if ((type === '0' || type === '\0') && baseName(entryName) === name) return data;
    offset = start + Math.ceil(size / 512) * 512;
  }
  throw new Error('its tar stream is truncated');
}

async function readZipMember(zip: Buffer, name: string): Promise<Buffer | undefined> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1 || end + 22 > zip.length) throw new Error('it is not a complete zip file (no end of central directory)');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('its zip central directory is damaged');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const skip = nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + skip;
    if (baseName(entryName) !== name || entryName.endsWith('/')) continue;
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error('its zip entry header is damaged');
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) throw new Error('its zip data is truncated');
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) return Buffer.from(data);
    if (method === 8) return inflateRawAsync(data);
    throw new Error(`its ${name} uses zip compression method ${method}, which is not supported`);
  }
  return undefined;
}

function cString(buffer: Buffer, start: number, length: number): string {
  const field = buffer.subarray(start, start + length);
  const nul = field.indexOf(0);
  return field.toString('utf8', 0, nul === -1 ? field.length : nul);
}

function baseName(entry: string): string {
  return entry.split('/').filter(Boolean).at(-1) ?? '';
}
