export declare const VENDORED_TARGETS: string[];
export declare class VendorError extends Error {}
export interface VendoredManifest {
  version: string;
  targets: string[];
  files: Array<{ file: string; size: number; sha256: string }>;
}
export declare function vendorOxcParser(root: string): Promise<VendoredManifest>;
