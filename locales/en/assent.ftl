# Assent's own words for the people it asks for consent: the hosted consent page, the answers
# to a decision, and the consent-link email. English is the source every other language
# translates; an organisation's own texts (its name, notices, purposes) are never here.
#
# Placeables ({ $org }, { $date }, ...) are filled in by Assent; keep each one a translation
# has in English, and do not add others. Dates arrive as "2026-11-24 22:45 UTC".

## This language's own name, as the language switcher shows it.

language-name = English

## The hosted consent page.

page-language = Language
# $org: the organisation's name.
page-asks-consent = { $org } asks for your consent
page-notice = Notice
page-purposes = What your data will be used for
page-purposes-hint = Tick the purposes you agree to, then save your choices. Or approve or decline all of them.
page-required = Required
# $categories: the organisation's names for the data, comma-separated.
page-data-used = Data used: { $categories }
page-approve = Approve
page-decline = Decline
page-save = Save choices
page-withdraw = Withdraw consent
page-receipt-title = Your decision is recorded
# $action: which decision; $date: when it was made.
page-receipt-summary =
    { $action ->
        [approved] You approved all purposes on { $date }.
        [declined] You declined all purposes on { $date }.
        [withdrawn] You withdrew your consent on { $date }.
       *[partial] You approved some purposes on { $date }.
    }
page-granted = Allowed
page-not-granted = Not allowed
# $reference: the record's identifier, letters and digits.
page-reference = Reference: { $reference }
page-change-hint = You can change or withdraw your decision at any time through this same link.
# A link that downloads the decision's receipt, signed by the organisation, as a file.
page-receipt-download = Download the signed receipt
# A link that downloads, as a file, everything the organisation has recorded about the person's consent.
page-export = Download everything recorded about your consent
# $date: when the link stops working.
page-valid-until = This link works until { $date }.
page-expired-title = This link has expired
page-expired-body = Consent links work for a limited time. Ask the organisation that sent it for a new one.
page-replaced-title = This link was replaced
page-replaced-body = A newer link was sent for this request. Please use the most recent message you received.
page-unknown-title = Link not found
page-unknown-body = This consent link does not exist. Check that you opened the whole link.
page-error-title = Something went wrong
page-error-body = Please try again in a moment.

## Shown inside the hosted page, above its form, when a decision could not be saved.

# $minutes: how long to wait, a whole number.
decision-too-many-body =
    { $minutes ->
        [one] This link has taken many decisions in a short time. Your last choice was not saved; try again in { $minutes } minute.
       *[other] This link has taken many decisions in a short time. Your last choice was not saved; try again in { $minutes } minutes.
    }
# The form arrived without a choice (cut short or altered on the way).
decision-missing = Choose an option: Approve, Save choices or Decline.
# The choice no longer fits the notice, which changed after the page was opened.
decision-invalid = This choice cannot be saved: the notice changed after this page was opened. Reload the page and choose again.
# The form's content did not arrive whole.
decision-unreadable = Your choice did not arrive. Please try again.
decision-failed-body = Your decision was not saved. Please try again.

## The email that carries a consent link.

# $org: the organisation's name.
email-link-subject = { $org }: your consent is requested
email-link-heading = { $org } asks for your consent
# $org: the organisation's name; $collection: what the consent is for, in the organisation's words.
email-link-intro = { $org } asks for your consent for “{ $collection }”. Read what they want to do with your data and decide, purpose by purpose.
email-link-button = Review and decide
# $date: when the link stops working.
email-link-expiry = The link works until { $date }. You can change or withdraw your decision later through the same link.
