"""The one seam through which command modules register their sub-commands."""

import argparse
from typing import Any, Protocol


class Subcommands(Protocol):
    def add_parser(self, name: str, **kw: Any) -> argparse.ArgumentParser: ...


class WithCommonOptions:
    """Adds the options every command shares (passphrase file, actor) without repeating them."""

    def __init__(self, sub: Any, common: argparse.ArgumentParser) -> None:
        self._sub = sub
        self._common = common

    def add_parser(self, name: str, **kw: Any) -> argparse.ArgumentParser:
        # The one-line help in the command list also heads the command's own --help.
        kw.setdefault("description", kw.get("help"))
        parser: argparse.ArgumentParser = self._sub.add_parser(name, parents=[self._common], **kw)
        return parser
