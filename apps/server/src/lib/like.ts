/** Escapes LIKE wildcards in user input, so "50%" searches for "50%" and not for everything. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
