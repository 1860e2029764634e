/**
 * Full-screen view of a diagram, with pan and zoom: the page's own SVG moves into a modal
 * <dialog> and back when it closes (no copy, so ids stay unique). Pan by dragging, scrolling or
 * the arrow keys; zoom with the buttons, + and −, or ctrl + wheel / pinch; 0 fits it whole.
 */
export function installDiagramViewer(doc: Document): void {
	// Shows the buttons (diagrams.css), including those in content added later (practice mode's reveals).
	doc.documentElement.dataset.diagramViewer = '';
	let dialog: HTMLDialogElement | undefined;
	let view: HTMLElement;
	let svg: SVGSVGElement | undefined;
	let opener: HTMLButtonElement | undefined;
	let zoom = 1;
	let size = { w: 1, h: 1 };

	const fit = () => Math.min(view.clientWidth / size.w, view.clientHeight / size.h);
	const setZoom = (z: number) => {
		if (!svg) return;
		// Keep the point at the centre of the view where it is.
		const cx = (view.scrollLeft + view.clientWidth / 2) / (size.w * zoom);
		const cy = (view.scrollTop + view.clientHeight / 2) / (size.h * zoom);
		zoom = Math.min(4, Math.max(fit() / 2, z));
		svg.style.width = `${size.w * zoom}px`;
		view.scrollLeft = cx * size.w * zoom - view.clientWidth / 2;
		view.scrollTop = cy * size.h * zoom - view.clientHeight / 2;
	};

	const build = (): HTMLDialogElement => {
		const d = doc.createElement('dialog');
		d.className = 'diagram-viewer';
		d.setAttribute('aria-labelledby', 'diagram-viewer-title');
		d.innerHTML =
			'<div class="dv-bar"><h2 id="diagram-viewer-title" class="dv-title"></h2>' +
			'<button type="button" data-zoom="out">Zoom out</button><button type="button" data-zoom="fit">Fit</button><button type="button" data-zoom="in">Zoom in</button>' +
			'<button type="button" data-close>Close</button></div>' +
			'<div class="dv-view" tabindex="0" role="region" aria-label="Diagram: drag or use the arrow keys to pan; + and − zoom, 0 fits"></div>';
		view = d.querySelector('.dv-view')!;
		d.addEventListener('click', (e) => {
			const t = e.target as HTMLElement;
			if (t === d || t.closest('[data-close]')) d.close();
			const z = t.closest<HTMLElement>('[data-zoom]')?.dataset.zoom;
			if (z) setZoom(z === 'fit' ? fit() : zoom * (z === 'in' ? 1.25 : 0.8));
		});
		view.addEventListener('keydown', (e) => {
			const z = { '+': 1.25, '=': 1.25, '-': 0.8, _: 0.8 }[e.key];
			if (z) setZoom(zoom * z);
			else if (e.key === '0') setZoom(fit());
			else return;
			e.preventDefault();
		});
		view.addEventListener('wheel', (e) => {
			if (!e.ctrlKey) return;
			e.preventDefault();
			setZoom(zoom * (e.deltaY < 0 ? 1.1 : 0.9));
		}, { passive: false });
		// Mouse drag pans; touch pans by native scrolling.
		let drag: { x: number; y: number; l: number; t: number } | undefined;
		view.addEventListener('pointerdown', (e) => {
			if (e.pointerType !== 'mouse' || e.button !== 0) return;
			drag = { x: e.clientX, y: e.clientY, l: view.scrollLeft, t: view.scrollTop };
			view.setPointerCapture(e.pointerId);
			view.classList.add('dv-dragging');
		});
		view.addEventListener('pointermove', (e) => {
			if (!drag) return;
			view.scrollLeft = drag.l - (e.clientX - drag.x);
			view.scrollTop = drag.t - (e.clientY - drag.y);
		});
		const stop = () => {
			drag = undefined;
			view.classList.remove('dv-dragging');
		};
		view.addEventListener('pointerup', stop);
		view.addEventListener('pointercancel', stop);
		d.addEventListener('close', () => {
			if (svg && opener) {
				svg.style.width = '';
				opener.before(svg);
				opener.focus();
			}
			svg = undefined;
		});
		doc.body.append(d);
		return d;
	};

	doc.addEventListener('click', (e) => {
		const button = (e.target as Element | null)?.closest?.<HTMLButtonElement>('figure.diagram > button.diagram-open');
		const found = button?.parentElement?.querySelector<SVGSVGElement>(':scope > svg');
		if (!button || !found) return;
		dialog ??= build();
		const vb = found.viewBox.baseVal;
		size = { w: vb.width, h: vb.height };
		svg = found;
		opener = button;
		dialog.querySelector('.dv-title')!.textContent = found.querySelector('title')?.textContent ?? 'Diagram';
		view.append(found);
		dialog.showModal();
		// Readable at once: natural size unless the whole diagram fits larger than 11/14 of it.
		zoom = 1;
		setZoom(Math.min(1, Math.max(fit(), 11 / 14)));
		view.focus();
	});
}
