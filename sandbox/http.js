'use strict';
/** How the sandbox answers over HTTP: a body of a type, JSON, and the HTML error page of a Java server like Zonos'. */

function htmlPage(status, title, text) {
	return `<!doctype html><html><head><title>${status} ${title}</title></head><body><h1>HTTP Status ${status} – ${title}</h1><p>${text}</p></body></html>`;
}

function send(res, status, type, body, headers = {}) {
	res.writeHead(status, { 'Content-Type': type, ...headers });
	res.end(body);
}

function json(res, body, status = 200) {
	send(res, status, 'application/json;charset=UTF-8', JSON.stringify(body));
}

module.exports = { htmlPage, send, json };
