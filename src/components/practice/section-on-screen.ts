/**
 * Which worksheet section is on screen: the first one crossing a band a third of the way down
 * the viewport (below the sticky bar). Calls `onChange` with its id whenever that changes,
 * including once at the start (so after a reload it follows the restored scroll position).
 */
export function watchSectionOnScreen(root: HTMLElement, onChange: (section: string) => void): void {
	const sections = [...root.querySelectorAll<HTMLElement>('[data-section]')];
	const inBand = new Set<HTMLElement>();
	let last: string | undefined;
	const observer = new IntersectionObserver(
		(entries) => {
			for (const e of entries) {
				if (e.isIntersecting) inBand.add(e.target as HTMLElement);
				else inBand.delete(e.target as HTMLElement);
			}
			const first = sections.find((s) => inBand.has(s))?.dataset.section;
			if (first && first !== last) {
				last = first;
				onChange(first);
			}
		},
		{ rootMargin: '-30% 0px -60% 0px' },
	);
	for (const s of sections) observer.observe(s);
}
