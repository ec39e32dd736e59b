// The catalogue shipped with this build: the index and global keys are bundled into the JavaScript;
// each service's depth is a JSON file read the first time a document needs the service, from dist/data
// beside the bundle (or, for the tests, from server/data/services, which the build names).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import actionIndexJson from '../../data/action-index.json';
import globalKeysJson from '../../data/global-condition-keys.json';
import { Catalog } from './catalog';
import type { ActionIndexData, GlobalKeysData, ServiceFile } from './types';

declare const SERVICE_DATA_DIRECTORY: string | undefined;

export function serviceDataDirectory(): string {
  return typeof SERVICE_DATA_DIRECTORY === 'string' ? SERVICE_DATA_DIRECTORY : join(__dirname, 'data');
}

const index = actionIndexJson as ActionIndexData;

/** Every service of the index has its file. */
const servicesInDepth = Object.keys(index.services);
const hasFile = new Set(servicesInDepth);

export function loadServiceFile(prefix: string, directory = serviceDataDirectory()): ServiceFile | undefined {
  // Only names from the index reach the file system.
  if (!hasFile.has(prefix)) return undefined;
  return JSON.parse(readFileSync(join(directory, `${prefix}.json`), 'utf8')) as ServiceFile;
}

let shared: Catalog | undefined;

/** The catalogue bundled with this build, one per process. */
export function bundledCatalog(): Catalog {
  shared ??= new Catalog({ index, globalKeys: globalKeysJson as GlobalKeysData, inDepth: servicesInDepth, load: (prefix) => loadServiceFile(prefix) });
  return shared;
}
