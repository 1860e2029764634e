/** What every calculator script does with its form: read fields, show messages beside them. */

/** The text of every `[data-field]` input in `root`, by field name. */
export function readFields(root: HTMLElement): Record<string, string> {
	const out: Record<string, string> = {};
	for (const input of root.querySelectorAll<HTMLInputElement>('input[data-field]')) out[input.dataset.field!] = input.value;
	return out;
}

/** Marks invalid fields (aria-invalid plus the message in the field's own error element) and clears the rest. */
export function showFieldErrors(root: HTMLElement, errors: Record<string, string>): void {
	for (const input of root.querySelectorAll<HTMLInputElement>('input[data-field]')) {
		const message = errors[input.dataset.field!];
		const slot = root.querySelector<HTMLElement>(`[data-error-for="${input.dataset.field}"]`);
		if (message) input.setAttribute('aria-invalid', 'true');
		else input.removeAttribute('aria-invalid');
		if (slot) slot.textContent = message ?? '';
	}
}

/** The value of the checked radio (or the select) marked `data-choice=choice`, or `fallback`. */
export function choiceValue(root: HTMLElement, choice: string): string | undefined {
	const select = root.querySelector<HTMLSelectElement>(`select[data-choice="${choice}"]`);
	if (select) return select.value;
	return root.querySelector<HTMLInputElement>(`input[type=radio][data-choice="${choice}"]:checked`)?.value;
}

/** Sets the text of every `[data-out=key]` element in `root`. */
export function paint(root: HTMLElement, values: Record<string, string>): void {
	for (const [key, text] of Object.entries(values)) {
		for (const el of root.querySelectorAll<HTMLElement>(`[data-out="${key}"]`)) el.textContent = text;
	}
}
