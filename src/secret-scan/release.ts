/** The gitleaks release the action downloads by default (the schema default of `gitleaks-version`). */
export const PINNED_GITLEAKS_VERSION = '8.28.0';

/**
 * SHA-256 of the archives of the pinned release, as published in its
 * `gitleaks_8.28.0_checksums.txt`. A download must match both this table and the checksums file
 * served next to it, so a compromised mirror cannot swap both. Assets missing here (32-bit and
 * ARMv6/v7 builds) are checked against the checksums file alone. Update together with
 * PINNED_GITLEAKS_VERSION.
 */
export const KNOWN_ARCHIVE_SHA256: Readonly<Record<string, string>> = {
  'gitleaks_8.28.0_linux_x64.tar.gz': 'a65b5253807a68ac0cafa4414031fd740aeb55f54fb7e55f386acb52e6a840eb',
  'gitleaks_8.28.0_linux_arm64.tar.gz': 'eff65261156100e5d94a6b3dec313d532fddfe19ae1590bf7a2b4f2699128356',
  'gitleaks_8.28.0_darwin_x64.tar.gz': 'edf5a507008b0d2ef4959575772772770586409c1f6f74dabf19cbe7ec341ced',
  'gitleaks_8.28.0_darwin_arm64.tar.gz': 'd942f3ad147250c9edbaab3fed9e482f98d3b59ba10ae97b8d75647e3ade492c',
  'gitleaks_8.28.0_windows_x64.zip': 'da6458e8864af553807de1c46a7a8eac0880bd6b99ba56288e87e86a45af884f',
  'gitleaks_8.28.0_windows_x32.zip': 'e5c53b231d43da0d29c22c719dbcc753891fd2b600ca27506b322669cd3bc400',
};

export interface GitleaksAsset {
  /** File name in the release, e.g. `gitleaks_8.28.0_linux_x64.tar.gz`. */
  name: string;
  format: 'tar.gz' | 'zip';
  /** The executable inside the archive. */
  binary: 'gitleaks' | 'gitleaks.exe';
  /** The runner arch name used for the tool-cache folder. */
  arch: string;
}

const OS_NAMES: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };

/** The release asset for a node platform/arch (`process.platform`, `process.arch`). */
export function gitleaksAsset(version: string, platform: string, arch: string, armVersion?: string): GitleaksAsset | undefined {
  const os = OS_NAMES[platform];
  const cpu = { x64: 'x64', arm64: 'arm64', ia32: 'x32', arm: armVersion === '6' ? 'armv6' : 'armv7' }[arch];
  if (!os || !cpu || (os === 'darwin' && cpu !== 'x64' && cpu !== 'arm64')) return undefined;
  const format = os === 'windows' ? 'zip' : 'tar.gz';
  return { name: `gitleaks_${version}_${os}_${cpu}.${format}`, format, binary: os === 'windows' ? 'gitleaks.exe' : 'gitleaks', arch };
}

export function checksumsFileName(version: string): string {
  return `gitleaks_${version}_checksums.txt`;
}

/** `sha256  name` lines (as written by sha256sum / goreleaser) into a map of name → hash. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64})\s+\*?(\S+)\s*$/i.exec(line.trim());
    if (match) sums.set(match[2]!, match[1]!.toLowerCase());
  }
  return sums;
}
