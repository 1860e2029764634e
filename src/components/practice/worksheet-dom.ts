/** Small DOM helpers shared by the worksheet's parts. User text only ever goes into `textContent`. */

export function setText(el: Element | null | undefined, text: string): void {
	if (el && el.textContent !== text) el.textContent = text;
}

export function formatDate(ms: number): string {
	return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function download(name: string, type: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
