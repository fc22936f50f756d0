"""Human labels for stored identifiers, translated through Qt."""

from PySide6.QtCore import QCoreApplication

from casetracker.model import CaseStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(status: CaseStatus) -> str:
    return {
        CaseStatus.SERVING: _t("Serving"),
        CaseStatus.REFUSED: _t("Refused"),
        CaseStatus.DETAINED: _t("Detained"),
        CaseStatus.TRANSFERRED: _t("Transferred"),
        CaseStatus.WHEREABOUTS_UNKNOWN: _t("Whereabouts unknown"),
        CaseStatus.RELEASED: _t("Released"),
        CaseStatus.HOME: _t("Returned home"),
        CaseStatus.RETURNED_TO_FRONT: _t("Sent back to the front"),
        CaseStatus.CONTRACT_TERMINATED: _t("Contract terminated"),
        CaseStatus.DECEASED: _t("Deceased"),
    }[status]
