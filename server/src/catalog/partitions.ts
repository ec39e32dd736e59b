// AWS partitions and their regions, generated from the AWS SDK's endpoint data: for checking and
// completing the partition and region parts of ARNs.
import partitionsJson from '../../data/partitions.json';
import type { PartitionsData } from './types';

const data = partitionsJson as unknown as PartitionsData;

/** Partition ids, `aws` first. */
export const PARTITIONS: readonly string[] = data.partitions.map((p) => p.id);

const regionsByPartition = new Map(data.partitions.map((p) => [p.id, p.regions.map(([region]) => region)]));
const partitionByRegion = new Map(data.partitions.flatMap((p) => p.regions.map(([region]) => [region, p.id] as const)));
const regionNames = new Map(data.partitions.flatMap((p) => p.regions));

/** The regions of a partition (none for an unknown one), in alphabetical order. */
export function partitionRegions(partition: string): readonly string[] {
  return regionsByPartition.get(partition) ?? [];
}

/** The partition a region belongs to, or undefined when no partition has it. */
export function regionPartition(region: string): string | undefined {
  return partitionByRegion.get(region);
}

/** AWS's name for a region ("US East (N. Virginia)"). */
export function regionName(region: string): string | undefined {
  return regionNames.get(region) || undefined;
}
