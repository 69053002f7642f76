"""Certificates: issuing, re-issuing and revoking one (`services`), a closed cohort's in one
confirmed run (`bulk`), their PDFs and downloads (`pdf`), the email on issue (`emails`), and the
public verification pages (`verification`, `verification_views`, `urls`)."""
