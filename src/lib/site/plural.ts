/** "1 question", "3 questions": a count with its noun in the right number (regular plurals only). */
export function countLabel(count: number, noun: string, plural = `${noun}s`): string {
	return `${count} ${count === 1 ? noun : plural}`;
}
