/**
 * A closed select's typeahead, as a native one has: a typed letter chooses the next option
 * whose label starts with it, after the current one and round again; `undefined` when none.
 */
export function nextByLetter<K extends string>(
  options: readonly { id: K; label: string }[],
  current: K | undefined,
  letter: string,
): K | undefined {
  const wanted = letter.toLocaleLowerCase();
  const from = options.findIndex((option) => option.id === current);
  for (let step = 1; step <= options.length; step++) {
    const option = options[(from + step + options.length) % options.length];
    if (option?.label.trimStart().toLocaleLowerCase().startsWith(wanted)) return option.id;
  }
  return undefined;
}
