"""The API docs page (/api/docs): Swagger UI without inline script, so it runs under a strict CSP.

FastAPI's own page starts Swagger UI from an inline ``<script>`` and loads a floating ``@5``
build. Here the start-up is a file we serve, and the bundle is one exact version from the CDN,
pinned by Subresource Integrity: the browser refuses any other bytes, and the page's CSP allows
that origin for this page only (see ``api.app``).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

SWAGGER_UI_VERSION = "5.35.0"
ASSET_ORIGIN = "https://cdn.jsdelivr.net"
_BASE = f"{ASSET_ORIGIN}/npm/swagger-ui-dist@{SWAGGER_UI_VERSION}"
# sha384 of the files in the npm package swagger-ui-dist@5.35.0 (the CDN serves those bytes).
BUNDLE_SRI = "sha384-gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9"
CSS_SRI = "sha384-WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I"
DOCS_PATH = "/api/docs"
INIT_PATH = f"{DOCS_PATH}/init.js"

PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samordna API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{_BASE}/swagger-ui.css" integrity="{CSS_SRI}" crossorigin="anonymous">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{_BASE}/swagger-ui-bundle.js" integrity="{BUNDLE_SRI}" crossorigin="anonymous"></script>
<script src="{INIT_PATH}"></script>
</body>
</html>
"""

# No validator badge: it would send the contract to validator.swagger.io.
INIT = """window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
"""

router = APIRouter(include_in_schema=False)


@router.get(DOCS_PATH, response_class=HTMLResponse)
async def docs() -> HTMLResponse:
    return HTMLResponse(PAGE)


@router.get(INIT_PATH)
async def docs_init() -> Response:
    return Response(INIT, media_type="text/javascript")
