## This language's own name, as the language switcher shows it.

language-name = ಕನ್ನಡ

## The hosted consent page.

page-language = ಭಾಷೆ
page-asks-consent = { $org } ನಿಮ್ಮ ಸಮ್ಮತಿಯನ್ನು ಕೇಳುತ್ತಿದೆ
page-notice = ಸೂಚನೆ
page-purposes = ನಿಮ್ಮ ಡೇಟಾವನ್ನು ಯಾವುದಕ್ಕಾಗಿ ಬಳಸಲಾಗುತ್ತದೆ
page-purposes-hint = ನೀವು ಒಪ್ಪುವ ಉದ್ದೇಶಗಳನ್ನು ಗುರುತಿಸಿ, ನಂತರ ನಿಮ್ಮ ಆಯ್ಕೆಗಳನ್ನು ಉಳಿಸಿ. ಅಥವಾ ಎಲ್ಲವನ್ನೂ ಅನುಮೋದಿಸಿ ಅಥವಾ ತಿರಸ್ಕರಿಸಿ.
page-required = ಅಗತ್ಯ
page-data-used = ಬಳಸಲಾಗುವ ಡೇಟಾ: { $categories }
page-approve = ಅನುಮೋದಿಸಿ
page-decline = ತಿರಸ್ಕರಿಸಿ
page-save = ಆಯ್ಕೆಗಳನ್ನು ಉಳಿಸಿ
page-withdraw = ಸಮ್ಮತಿ ಹಿಂಪಡೆಯಿರಿ
page-receipt-title = ನಿಮ್ಮ ನಿರ್ಧಾರವನ್ನು ದಾಖಲಿಸಲಾಗಿದೆ
page-receipt-summary =
    { $action ->
        [approved] ನೀವು { $date } ರಂದು ಎಲ್ಲಾ ಉದ್ದೇಶಗಳನ್ನು ಅನುಮೋದಿಸಿದ್ದೀರಿ.
        [declined] ನೀವು { $date } ರಂದು ಎಲ್ಲಾ ಉದ್ದೇಶಗಳನ್ನು ತಿರಸ್ಕರಿಸಿದ್ದೀರಿ.
        [withdrawn] ನೀವು { $date } ರಂದು ನಿಮ್ಮ ಸಮ್ಮತಿಯನ್ನು ಹಿಂಪಡೆದಿದ್ದೀರಿ.
       *[partial] ನೀವು { $date } ರಂದು ಕೆಲವು ಉದ್ದೇಶಗಳನ್ನು ಅನುಮೋದಿಸಿದ್ದೀರಿ.
    }
page-granted = ಅನುಮತಿಸಲಾಗಿದೆ
page-not-granted = ಅನುಮತಿಸಲಾಗಿಲ್ಲ
page-reference = ಉಲ್ಲೇಖ: { $reference }
page-change-hint = ಇದೇ ಲಿಂಕ್ ಮೂಲಕ ನೀವು ಯಾವಾಗ ಬೇಕಾದರೂ ನಿಮ್ಮ ನಿರ್ಧಾರವನ್ನು ಬದಲಿಸಬಹುದು ಅಥವಾ ಹಿಂಪಡೆಯಬಹುದು.
page-valid-until = ಈ ಲಿಂಕ್ { $date } ರವರೆಗೆ ಕಾರ್ಯನಿರ್ವಹಿಸುತ್ತದೆ.
page-expired-title = ಈ ಲಿಂಕ್‌ನ ಅವಧಿ ಮುಗಿದಿದೆ
page-expired-body = ಸಮ್ಮತಿ ಲಿಂಕ್‌ಗಳು ಸೀಮಿತ ಅವಧಿಗೆ ಮಾತ್ರ ಕಾರ್ಯನಿರ್ವಹಿಸುತ್ತವೆ. ಇದನ್ನು ಕಳುಹಿಸಿದ ಸಂಸ್ಥೆಯಿಂದ ಹೊಸ ಲಿಂಕ್ ಅನ್ನು ಕೇಳಿ ಪಡೆಯಿರಿ.
page-replaced-title = ಈ ಲಿಂಕ್ ಅನ್ನು ಬದಲಾಯಿಸಲಾಗಿದೆ
page-replaced-body = ಈ ವಿನಂತಿಗಾಗಿ ಹೊಸ ಲಿಂಕ್ ಅನ್ನು ಕಳುಹಿಸಲಾಗಿದೆ. ದಯವಿಟ್ಟು ನಿಮಗೆ ಬಂದಿರುವ ಇತ್ತೀಚಿನ ಸಂದೇಶವನ್ನು ಬಳಸಿ.
page-unknown-title = ಲಿಂಕ್ ಕಂಡುಬಂದಿಲ್ಲ
page-unknown-body = ಈ ಸಮ್ಮತಿ ಲಿಂಕ್ ಅಸ್ತಿತ್ವದಲ್ಲಿಲ್ಲ. ನೀವು ಸಂಪೂರ್ಣ ಲಿಂಕ್ ಅನ್ನು ತೆರೆದಿದ್ದೀರಾ ಎಂದು ಪರಿಶೀಲಿಸಿ.
page-error-title = ಏನೋ ತಪ್ಪಾಗಿದೆ
page-error-body = ದಯವಿಟ್ಟು ಸ್ವಲ್ಪ ಸಮಯದ ನಂತರ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] ಕಡಿಮೆ ಸಮಯದಲ್ಲಿ ಈ ಲಿಂಕ್ ಮೂಲಕ ಹಲವು ನಿರ್ಧಾರಗಳನ್ನು ತೆಗೆದುಕೊಳ್ಳಲಾಗಿದೆ. ನಿಮ್ಮ ಕೊನೆಯ ಆಯ್ಕೆಯನ್ನು ಉಳಿಸಲಾಗಿಲ್ಲ; { $minutes } ನಿಮಿಷದ ನಂತರ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.
       *[other] ಕಡಿಮೆ ಸಮಯದಲ್ಲಿ ಈ ಲಿಂಕ್ ಮೂಲಕ ಹಲವು ನಿರ್ಧಾರಗಳನ್ನು ತೆಗೆದುಕೊಳ್ಳಲಾಗಿದೆ. ನಿಮ್ಮ ಕೊನೆಯ ಆಯ್ಕೆಯನ್ನು ಉಳಿಸಲಾಗಿಲ್ಲ; { $minutes } ನಿಮಿಷಗಳ ನಂತರ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.
    }
decision-missing = ಒಂದು ಆಯ್ಕೆಯನ್ನು ಆರಿಸಿ: “ಅನುಮೋದಿಸಿ”, “ಆಯ್ಕೆಗಳನ್ನು ಉಳಿಸಿ” ಅಥವಾ “ತಿರಸ್ಕರಿಸಿ”.
decision-invalid = ಈ ಆಯ್ಕೆಯನ್ನು ಉಳಿಸಲು ಸಾಧ್ಯವಿಲ್ಲ: ಈ ಪುಟವನ್ನು ತೆರೆದ ನಂತರ ಸೂಚನೆ ಬದಲಾಗಿದೆ. ಪುಟವನ್ನು ಮರುಲೋಡ್ ಮಾಡಿ ಮತ್ತು ಮತ್ತೆ ಆರಿಸಿ.
decision-unreadable = ನಿಮ್ಮ ಆಯ್ಕೆ ನಮಗೆ ತಲುಪಲಿಲ್ಲ. ದಯವಿಟ್ಟು ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.
decision-failed-body = ನಿಮ್ಮ ನಿರ್ಧಾರವನ್ನು ಉಳಿಸಲಾಗಿಲ್ಲ. ದಯವಿಟ್ಟು ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.

## The email that carries a consent link.

email-link-subject = { $org }: ನಿಮ್ಮ ಸಮ್ಮತಿಯನ್ನು ಕೋರಲಾಗಿದೆ
email-link-heading = { $org } ನಿಮ್ಮ ಸಮ್ಮತಿಯನ್ನು ಕೇಳುತ್ತಿದೆ
email-link-intro = { $org } “{ $collection }” ಕುರಿತು ನಿಮ್ಮ ಸಮ್ಮತಿಯನ್ನು ಕೇಳುತ್ತಿದೆ. ಅವರು ನಿಮ್ಮ ಡೇಟಾವನ್ನು ಏನು ಮಾಡಲು ಬಯಸುತ್ತಾರೆ ಎಂಬುದನ್ನು ಓದಿ, ಪ್ರತಿಯೊಂದು ಉದ್ದೇಶಕ್ಕೂ ಪ್ರತ್ಯೇಕವಾಗಿ ನಿರ್ಧರಿಸಿ.
email-link-button = ಓದಿ ನಿರ್ಧರಿಸಿ
email-link-expiry = ಈ ಲಿಂಕ್ { $date } ರವರೆಗೆ ಕಾರ್ಯನಿರ್ವಹಿಸುತ್ತದೆ. ನಂತರ ಇದೇ ಲಿಂಕ್ ಮೂಲಕ ನೀವು ನಿಮ್ಮ ನಿರ್ಧಾರವನ್ನು ಬದಲಿಸಬಹುದು ಅಥವಾ ಹಿಂಪಡೆಯಬಹುದು.
