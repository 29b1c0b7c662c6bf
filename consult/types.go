package consult

// Type returns TypeInvestigationStarted.
func (InvestigationStarted) Type() EventType { return TypeInvestigationStarted }

// Type returns TypeProcuratorateInformed.
func (ProcuratorateInformed) Type() EventType { return TypeProcuratorateInformed }

// Type returns TypeAssessmentIssued.
func (AssessmentIssued) Type() EventType { return TypeAssessmentIssued }

// Type returns TypeNoticeServed.
func (NoticeServed) Type() EventType { return TypeNoticeServed }

// Type returns TypeNoticeReplied.
func (NoticeReplied) Type() EventType { return TypeNoticeReplied }

// Type returns TypeOpinionServed.
func (OpinionServed) Type() EventType { return TypeOpinionServed }

// Type returns TypeOpinionReplied.
func (OpinionReplied) Type() EventType { return TypeOpinionReplied }

// Type returns TypeCaseDesignated.
func (CaseDesignated) Type() EventType { return TypeCaseDesignated }

// Type returns TypeMeetingScheduled.
func (MeetingScheduled) Type() EventType { return TypeMeetingScheduled }

// Type returns TypeMeetingHeld.
func (MeetingHeld) Type() EventType { return TypeMeetingHeld }

// Type returns TypeAssessmentObjected.
func (AssessmentObjected) Type() EventType { return TypeAssessmentObjected }

// Type returns TypeAssessmentReviewed.
func (AssessmentReviewed) Type() EventType { return TypeAssessmentReviewed }

// Type returns TypeProxyAuthorized.
func (ProxyAuthorized) Type() EventType { return TypeProxyAuthorized }

// Type returns TypeConsultationTerminated.
func (ConsultationTerminated) Type() EventType { return TypeConsultationTerminated }

// Type returns TypeConsultationHalted.
func (ConsultationHalted) Type() EventType { return TypeConsultationHalted }

// Type returns TypeAgreementSigned.
func (AgreementSigned) Type() EventType { return TypeAgreementSigned }

// Type returns TypeAgreementReported.
func (AgreementReported) Type() EventType { return TypeAgreementReported }

// Type returns TypeDisclosurePublished.
func (DisclosurePublished) Type() EventType { return TypeDisclosurePublished }

// Type returns TypeConfirmationApplied.
func (ConfirmationApplied) Type() EventType { return TypeConfirmationApplied }

// Type returns TypeConfirmationDecided.
func (ConfirmationDecided) Type() EventType { return TypeConfirmationDecided }

// Type returns TypeObligorReneged.
func (ObligorReneged) Type() EventType { return TypeObligorReneged }

// Type returns TypePerformanceDone.
func (PerformanceDone) Type() EventType { return TypePerformanceDone }

// Type returns TypeEnforcementApplied.
func (EnforcementApplied) Type() EventType { return TypeEnforcementApplied }

// Type returns TypeEvidencePreserved.
func (EvidencePreserved) Type() EventType { return TypeEvidencePreserved }

// Type returns TypeLawsuitFiled.
func (LawsuitFiled) Type() EventType { return TypeLawsuitFiled }
