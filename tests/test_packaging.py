"""What a built wheel holds: every package and every data file on disk (a non-editable install
once lacked mhkg.loaders.prose). `make wheel-check` builds the wheel, installs it in a fresh
virtual environment and runs the CLI from it; this test keeps pyproject.toml in step with the
folders, quickly."""

from __future__ import annotations

import glob
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
ROOTS = SETUPTOOLS["package-dir"]  # package → folder, for the top of each tree


def package_folder(package: str) -> Path:
    """Where setuptools looks for a package: under its nearest mapped ancestor."""
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        if (ancestor := ".".join(parts[:cut])) in ROOTS:
            return ROOT / ROOTS[ancestor] / Path(*parts[cut:])
    raise AssertionError(f"{package} is under no folder of package-dir")


def packages_on_disk() -> set[str]:
    found = set()
    for package, folder in ROOTS.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder).parts
            if "__pycache__" not in relative:
                found.add(".".join((package, *relative)))
    return found


def data_files_on_disk(package: str) -> set[str]:
    """The files of a package's folder that are not Python, outside its sub-packages."""
    folder = package_folder(package)
    files = set()
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        inside = [folder.joinpath(*relative.parts[:n]) for n in range(1, len(relative.parts))]
        if any((p / "__init__.py").exists() for p in inside) or "__pycache__" in relative.parts:
            continue
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            files.add(relative.as_posix())
    return files


def test_every_folder_with_an_init_is_a_listed_package() -> None:
    assert set(SETUPTOOLS["packages"]) == packages_on_disk()


def test_every_mapped_folder_exists() -> None:
    assert all((ROOT / folder / "__init__.py").is_file() for folder in ROOTS.values())


@pytest.mark.parametrize("package", sorted(packages_on_disk()))
def test_package_data_covers_every_data_file(package: str) -> None:
    patterns = SETUPTOOLS.get("package-data", {}).get(package, [])
    folder = package_folder(package)
    covered = {
        Path(match).as_posix()
        for pattern in patterns
        for match in glob.glob(pattern, root_dir=folder, recursive=True)
        if (folder / match).is_file()
    }
    assert data_files_on_disk(package) <= covered
