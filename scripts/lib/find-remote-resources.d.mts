export function findRemoteResources(html: string): string[];
