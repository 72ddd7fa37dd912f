"""Document adapters: open minutes as PDF/A-2b through Jinja2 (autoescaped) and WeasyPrint."""
