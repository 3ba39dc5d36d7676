import { ensureBuild } from '../../server/ensure-build.ts';

export default async function globalSetup() {
  await ensureBuild();
}
