"""What a browser submits for an HTML form (for the Flask test client): enabled fields only, checked boxes only,
the selected option of each select, the text of each textarea; no buttons and no file inputs."""
from __future__ import annotations

from html.parser import HTMLParser


class _FormLezer(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.velden: list[tuple[str, str]] = []
        self._select: list | None = None
        self._textarea: list | None = None
        self._uit: list[bool] = []  # per open fieldset: disabled?

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.in_form = a.get("id") == self.form_id
            return
        if not self.in_form:
            return
        if tag == "fieldset":
            self._uit.append("disabled" in a)
            return
        uit = any(self._uit) or "disabled" in a
        if tag == "input" and not uit and a.get("name"):
            soort = a.get("type", "text")
            if soort in ("checkbox", "radio"):
                if "checked" in a:
                    self.velden.append((a["name"], a.get("value", "on")))
            elif soort not in ("submit", "button", "file", "reset", "image"):
                self.velden.append((a["name"], a.get("value", "")))
        elif tag == "select" and not uit:
            self._select = [a.get("name"), None, None]
        elif tag == "option" and self._select is not None:
            waarde = a.get("value", "")
            if self._select[2] is None:
                self._select[2] = waarde
            if "selected" in a:
                self._select[1] = waarde
        elif tag == "textarea" and not uit:
            self._textarea = [a.get("name"), ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        if not self.in_form:
            return
        if tag == "fieldset" and self._uit:
            self._uit.pop()
        elif tag == "select" and self._select is not None:
            naam, gekozen, eerste = self._select
            self.velden.append((naam, gekozen if gekozen is not None else (eerste or "")))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            naam, tekst = self._textarea
            self.velden.append((naam, tekst[1:] if tekst.startswith("\n") else tekst))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def formulier_velden(html: str, form_id: str) -> list[tuple[str, str]]:
    lezer = _FormLezer(form_id)
    lezer.feed(html)
    return lezer.velden
