"""Where a login may send the browser back to: local paths only."""

import pytest

from domain.shared.identity import local_return_path


@pytest.mark.parametrize("path", ["/", "/organer/123", "/personer?q=kari&limit=5"])
def test_local_paths_are_kept(path):
    assert local_return_path(path) == path


@pytest.mark.parametrize(
    "path",
    [
        None,
        "",
        "organer",
        "//evil.example/x",
        "/\\evil.example",
        "https://evil.example/",
        "/a\nb",
        "/a\x7f",
    ],
)
def test_anything_else_goes_home(path):
    assert local_return_path(path) == "/"
