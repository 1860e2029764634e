/**
 * robots.txt, generated so the sitemap address follows `site` and the base
 * path (SITE_URL, BASE_PATH) wherever the workbook is deployed.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
	const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
	const lines = ['User-agent: *', 'Allow: /', ''];
	if (site) lines.push(`Sitemap: ${new URL(`${base}sitemap-index.xml`, site).href}`);
	return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
