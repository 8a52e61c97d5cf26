## This language's own name, as the language switcher shows it.

language-name = اردو

## The hosted consent page.

page-language = زبان
page-asks-consent = { $org } آپ کی رضامندی کا خواہاں ہے
page-notice = اطلاع
page-purposes = آپ کا ڈیٹا کس مقصد کے لیے استعمال ہوگا
page-purposes-hint = جن مقاصد سے آپ متفق ہیں انہیں منتخب کریں اور اپنا انتخاب محفوظ کریں۔ یا سب کو ایک ساتھ منظور یا مسترد کریں۔
page-required = لازمی
page-data-used = استعمال ہونے والا ڈیٹا: { $categories }
page-approve = منظور کریں
page-decline = مسترد کریں
page-save = انتخاب محفوظ کریں
page-withdraw = رضامندی واپس لیں
page-receipt-title = آپ کا فیصلہ درج ہو گیا ہے
page-receipt-summary =
    { $action ->
        [approved] آپ نے { $date } کو تمام مقاصد منظور کیے۔
        [declined] آپ نے { $date } کو تمام مقاصد مسترد کیے۔
        [withdrawn] آپ نے { $date } کو اپنی رضامندی واپس لی۔
       *[partial] آپ نے { $date } کو کچھ مقاصد منظور کیے۔
    }
page-granted = اجازت ہے
page-not-granted = اجازت نہیں ہے
page-reference = حوالہ: { $reference }
page-change-hint = آپ اسی لنک کے ذریعے کسی بھی وقت اپنا فیصلہ بدل سکتے ہیں یا رضامندی واپس لے سکتے ہیں۔
page-receipt-download = دستخط شدہ رسید ڈاؤن لوڈ کریں
page-export = آپ کی رضامندی کے بارے میں درج سب کچھ ڈاؤن لوڈ کریں
page-valid-until = یہ لنک { $date } تک کارآمد ہے۔
page-expired-title = اس لنک کی میعاد ختم ہو گئی ہے
page-expired-body = رضامندی کے لنک محدود مدت کے لیے کارآمد ہوتے ہیں۔ جس ادارے نے یہ لنک بھیجا ہے اس سے نیا لنک طلب کریں۔
page-replaced-title = یہ لنک تبدیل کر دیا گیا ہے
page-replaced-body = اس درخواست کے لیے ایک نیا لنک بھیجا گیا ہے۔ براہ کرم وہ پیغام استعمال کریں جو آپ کو سب سے آخر میں موصول ہوا۔
page-unknown-title = لنک نہیں ملا
page-unknown-body = رضامندی کا یہ لنک موجود نہیں ہے۔ اطمینان کر لیں کہ آپ نے پورا لنک کھولا ہے۔
page-error-title = کچھ غلط ہو گیا
page-error-body = براہ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] اس لنک سے کم وقت میں بہت سے فیصلے کیے گئے ہیں۔ آپ کا آخری انتخاب محفوظ نہیں ہوا؛ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
       *[other] اس لنک سے کم وقت میں بہت سے فیصلے کیے گئے ہیں۔ آپ کا آخری انتخاب محفوظ نہیں ہوا؛ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
    }
decision-missing = کوئی ایک انتخاب کریں: “منظور کریں”، “انتخاب محفوظ کریں” یا “مسترد کریں”۔
decision-invalid = یہ انتخاب محفوظ نہیں کیا جا سکتا: یہ صفحہ کھلنے کے بعد اطلاع تبدیل ہو گئی ہے۔ صفحہ دوبارہ لوڈ کریں اور پھر سے انتخاب کریں۔
decision-unreadable = آپ کا انتخاب ہم تک نہیں پہنچا۔ براہ کرم دوبارہ کوشش کریں۔
decision-failed-body = آپ کا فیصلہ محفوظ نہیں ہوا۔ براہ کرم دوبارہ کوشش کریں۔

## The email that carries a consent link.

email-link-subject = { $org }: آپ کی رضامندی درکار ہے
email-link-heading = { $org } آپ کی رضامندی کا خواہاں ہے
email-link-intro = { $org } “{ $collection }” کے لیے آپ کی رضامندی کا خواہاں ہے۔ پڑھیں کہ وہ آپ کے ڈیٹا کے ساتھ کیا کرنا چاہتے ہیں، اور ہر مقصد کے لیے الگ الگ فیصلہ کریں۔
email-link-button = پڑھیں اور فیصلہ کریں
email-link-expiry = یہ لنک { $date } تک کارآمد ہے۔ آپ بعد میں اسی لنک کے ذریعے اپنا فیصلہ بدل سکتے ہیں یا رضامندی واپس لے سکتے ہیں۔
