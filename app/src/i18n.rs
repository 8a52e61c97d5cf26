//! The hosted consent page's own words. English and Hindi are complete; every language of
//! India's Eighth Schedule is known, so a notice can be offered (and marked up) in any of them,
//! and their page text falls back to English until translated.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    En,
    As,
    Bn,
    Brx,
    Doi,
    Gu,
    Hi,
    Kn,
    Ks,
    Kok,
    Mai,
    Ml,
    Mni,
    Mr,
    Ne,
    Or,
    Pa,
    Sa,
    Sat,
    Sd,
    Ta,
    Te,
    Ur,
}

impl Lang {
    /// English and the 22 languages of the Eighth Schedule, with their own names.
    pub const ALL: [(Lang, &'static str, &'static str); 23] = [
        (Lang::En, "en", "English"),
        (Lang::As, "as", "অসমীয়া"),
        (Lang::Bn, "bn", "বাংলা"),
        (Lang::Brx, "brx", "बड़ो"),
        (Lang::Doi, "doi", "डोगरी"),
        (Lang::Gu, "gu", "ગુજરાતી"),
        (Lang::Hi, "hi", "हिन्दी"),
        (Lang::Kn, "kn", "ಕನ್ನಡ"),
        (Lang::Ks, "ks", "کٲشُر"),
        (Lang::Kok, "kok", "कोंकणी"),
        (Lang::Mai, "mai", "मैथिली"),
        (Lang::Ml, "ml", "മലയാളം"),
        (Lang::Mni, "mni", "ꯃꯤꯇꯩꯂꯣꯟ"),
        (Lang::Mr, "mr", "मराठी"),
        (Lang::Ne, "ne", "नेपाली"),
        (Lang::Or, "or", "ଓଡ଼ିଆ"),
        (Lang::Pa, "pa", "ਪੰਜਾਬੀ"),
        (Lang::Sa, "sa", "संस्कृतम्"),
        (Lang::Sat, "sat", "ᱥᱟᱱᱛᱟᱲᱤ"),
        (Lang::Sd, "sd", "سنڌي"),
        (Lang::Ta, "ta", "தமிழ்"),
        (Lang::Te, "te", "తెలుగు"),
        (Lang::Ur, "ur", "اردو"),
    ];

    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split('-').next().unwrap_or_default();
        Self::ALL.iter().find(|(_, c, _)| *c == primary).map(|(l, _, _)| *l)
    }

    pub fn code(self) -> &'static str {
        Self::ALL.iter().find(|(l, _, _)| *l == self).map(|(_, c, _)| *c).unwrap_or("en")
    }

    pub fn native_name(self) -> &'static str {
        Self::ALL.iter().find(|(l, _, _)| *l == self).map(|(_, _, n)| *n).unwrap_or("English")
    }

    /// Scripts written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ur | Lang::Ks | Lang::Sd)
    }

    pub fn text(self) -> &'static UiText {
        match self {
            Lang::Hi => &HI,
            _ => &EN,
        }
    }
}

/// A language's own name for a notice language code (the code itself when unknown).
pub fn language_name(code: &str) -> String {
    Lang::from_code(code).map(|l| l.native_name().to_string()).unwrap_or_else(|| code.to_string())
}

pub struct UiText {
    pub language: &'static str,
    pub notice: &'static str,
    pub purposes: &'static str,
    pub purposes_hint: &'static str,
    pub required: &'static str,
    pub data_used: &'static str,
    pub approve: &'static str,
    pub decline: &'static str,
    pub save: &'static str,
    pub withdraw: &'static str,
    pub receipt: &'static str,
    pub decided: &'static str,
    pub at: &'static str,
    pub reference: &'static str,
    pub granted: &'static str,
    pub declined: &'static str,
    pub change_hint: &'static str,
    pub valid_until: &'static str,
    pub action_approved: &'static str,
    pub action_declined: &'static str,
    pub action_partial: &'static str,
    pub action_withdrawn: &'static str,
    pub expired_title: &'static str,
    pub expired_body: &'static str,
    pub replaced_title: &'static str,
    pub replaced_body: &'static str,
    pub unknown_title: &'static str,
    pub unknown_body: &'static str,
    pub asks_consent: &'static str,
}

impl UiText {
    pub fn action(&self, word: &str) -> &'static str {
        match word {
            "approved" => self.action_approved,
            "declined" => self.action_declined,
            "withdrawn" => self.action_withdrawn,
            _ => self.action_partial,
        }
    }
}

pub static EN: UiText = UiText {
    language: "Language",
    notice: "Notice",
    purposes: "What your data will be used for",
    purposes_hint: "Tick the purposes you agree to, then save your choices. Or approve or decline all of them.",
    required: "Required",
    data_used: "Data used",
    approve: "Approve",
    decline: "Decline",
    save: "Save choices",
    withdraw: "Withdraw consent",
    receipt: "Your decision is recorded",
    decided: "You",
    at: "on",
    reference: "Reference",
    granted: "Allowed",
    declined: "Not allowed",
    change_hint: "You can change or withdraw your decision at any time through this same link.",
    valid_until: "This link works until",
    action_approved: "approved all purposes",
    action_declined: "declined all purposes",
    action_partial: "approved some purposes",
    action_withdrawn: "withdrew your consent",
    expired_title: "This link has expired",
    expired_body: "Consent links work for a limited time. Ask the organisation that sent it for a new one.",
    replaced_title: "This link was replaced",
    replaced_body: "A newer link was sent for this request. Please use the most recent message you received.",
    unknown_title: "Link not found",
    unknown_body: "This consent link does not exist. Check that you opened the whole link.",
    asks_consent: "asks for your consent",
};

pub static HI: UiText = UiText {
    language: "भाषा",
    notice: "सूचना",
    purposes: "आपके डेटा का उपयोग किसलिए होगा",
    purposes_hint: "जिन उद्देश्यों से आप सहमत हैं उन्हें चुनें और अपनी पसंद सहेजें। या सभी को स्वीकार या अस्वीकार करें।",
    required: "आवश्यक",
    data_used: "उपयोग होने वाला डेटा",
    approve: "स्वीकार करें",
    decline: "अस्वीकार करें",
    save: "पसंद सहेजें",
    withdraw: "सहमति वापस लें",
    receipt: "आपका निर्णय दर्ज हो गया है",
    decided: "आपने",
    at: "को",
    reference: "संदर्भ",
    granted: "अनुमति है",
    declined: "अनुमति नहीं है",
    change_hint: "आप इसी लिंक से कभी भी अपना निर्णय बदल सकते हैं या सहमति वापस ले सकते हैं।",
    valid_until: "यह लिंक इस समय तक मान्य है",
    action_approved: "सभी उद्देश्यों को स्वीकार किया",
    action_declined: "सभी उद्देश्यों को अस्वीकार किया",
    action_partial: "कुछ उद्देश्यों को स्वीकार किया",
    action_withdrawn: "अपनी सहमति वापस ली",
    expired_title: "इस लिंक की समय-सीमा समाप्त हो गई है",
    expired_body: "सहमति लिंक सीमित समय के लिए मान्य होते हैं। जिस संगठन ने इसे भेजा है उससे नया लिंक माँगें।",
    replaced_title: "यह लिंक बदल दिया गया है",
    replaced_body: "इस अनुरोध के लिए एक नया लिंक भेजा गया है। कृपया सबसे हाल का संदेश उपयोग करें।",
    unknown_title: "लिंक नहीं मिला",
    unknown_body: "यह सहमति लिंक मौजूद नहीं है। जाँचें कि आपने पूरा लिंक खोला है।",
    asks_consent: "आपकी सहमति माँगता है",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_eighth_schedule_language_is_known() {
        assert_eq!(Lang::ALL.len(), 23);
        for (lang, code, _) in Lang::ALL {
            assert_eq!(Lang::from_code(code), Some(lang));
        }
        assert_eq!(Lang::from_code("hi-IN"), Some(Lang::Hi));
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::Hi.text().approve, "स्वीकार करें");
        assert_eq!(Lang::Ta.text().approve, "Approve");
        assert!(Lang::Ur.is_rtl());
    }
}
