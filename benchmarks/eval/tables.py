"""The generator's own name tables, written for this benchmark.

Nothing here is read from ``screening/text/data``: if the benchmark reused the matcher's tables
it would only test that the matcher agrees with itself. Sources are common knowledge of the
romanisation systems (BGN/PCGN, Hanyu Pinyin, Wade–Giles) and spellings seen on the SDN list.
"""

from __future__ import annotations

# --- Transliteration variants ---------------------------------------------------------------

# Whole-token spelling variants of one name, as they occur between romanisation systems and
# languages. Each row is one name; the first spelling is the canonical one used to compare
# names (generate.canon_token). Lower-case ASCII.
VARIANT_ROWS: tuple[tuple[str, ...], ...] = (
    # Russian / Ukrainian / Belarusian given names: BGN/PCGN (OFAC) vs. English/German forms
    ("aleksandr", "alexander", "aleksander", "alexandr"),
    ("aleksey", "alexei", "alexey", "aleksei"),
    ("sergey", "sergei", "serguei"),
    ("dmitriy", "dmitry", "dmitri", "dmitrii"),
    ("yevgeniy", "evgeny", "evgeniy", "yevgeny", "evgenii"),
    ("yuriy", "yuri", "yury", "iurii"),
    ("nikolay", "nikolai"),
    ("andrey", "andrei", "andrii"),
    ("pyotr", "petr", "piotr"),
    ("fedor", "fyodor", "feodor"),
    ("vyacheslav", "viacheslav"),
    ("yelena", "elena", "jelena"),
    ("natalya", "natalia", "nataliya"),
    ("tatyana", "tatiana"),
    ("anatoliy", "anatoly", "anatolii"),
    ("gennadiy", "gennady", "gennadii"),
    ("valeriy", "valery", "valerii"),
    ("vitaliy", "vitaly", "vitalii"),
    ("georgiy", "georgy", "georgii"),
    ("grigoriy", "grigory", "grigorii"),
    ("arkadiy", "arkady", "arkadii"),
    ("maksim", "maxim"),
    ("iosif", "josif", "joseph"),
    ("yakov", "iakov", "jakov"),
    ("oleksandr", "olexandr", "oleksander"),
    ("mikhail", "mihail", "michail"),
    ("vasiliy", "vasily", "vasilii", "wassili"),
    ("igor", "ihor"),
    ("oleg", "oleh"),
    ("yulia", "yuliya", "julia", "iuliia"),
    # Arabic and Persian given names
    ("muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mohamad"),
    ("ahmad", "ahmed"),
    ("yusuf", "youssef", "yousef", "yusef", "yousif"),
    ("husayn", "hussein", "hussain", "husain", "hossein"),
    ("hasan", "hassan"),
    ("qaddafi", "gaddafi", "qadhafi", "gadhafi", "kadhafi"),
    ("usama", "osama"),
    ("umar", "omar"),
    ("abdallah", "abdullah", "abdulla"),
    ("mahmud", "mahmoud", "mahmood"),
    ("mustafa", "mostafa", "moustafa"),
    ("said", "saeed", "saied"),
    ("khalid", "khaled"),
    ("jafar", "jaafar", "jaffar"),
    ("qasim", "qassem", "kassem", "qasem"),
    ("nasir", "nasser", "naser"),
    ("salih", "saleh"),
    ("sulayman", "suleiman", "sulaiman", "soleiman"),
    ("uthman", "othman", "osman"),
    ("ibrahim", "ebrahim", "ibraheem"),
    ("ismail", "ismael", "esmail"),
    ("abd", "abdul", "abdel", "abdol"),
    ("rahman", "rahmane", "rehman"),
    ("hamid", "hameed", "hamed"),
    ("jamal", "gamal"),
    ("rashid", "rasheed", "rashed"),
    ("majid", "majed", "magid"),
    ("hadi", "hady"),
    ("mahdi", "mehdi"),
    ("abbas", "abas"),
    ("ali", "aly"),
    ("karim", "kareem"),
    ("faisal", "faysal", "feisal"),
    ("mansur", "mansour"),
)

# Rules on part of a token (regular expression, replacement, label), tried when no whole-token
# variant applies: the romanisation differences that are systematic rather than per name.
VARIANT_RULES: tuple[tuple[str, str, str], ...] = (
    (r"skiy$", "sky", "-skiy/-sky"),
    (r"iy$", "y", "-iy/-y"),
    (r"yy$", "y", "-yy/-y"),
    (r"^kh", "h", "kh/h"),
    (r"(?<=[aeiou])kh", "h", "kh/h"),
    (r"ov$", "off", "-ov/-off"),
    (r"^ye", "e", "ye/e"),
    (r"ks", "x", "ks/x"),
    (r"ya$", "ia", "-ya/-ia"),
    (r"^yu", "iu", "yu/iu"),
    (r"ou", "u", "ou/u"),
    (r"ee", "i", "ee/i"),
    (r"^q", "k", "q/k"),
    (r"dh", "d", "dh/d"),
    (r"^zh", "j", "zh/j"),
)

# --- Titles and stop words -------------------------------------------------------------------

# Dropped before comparing names (generate.canon_tokens), so that "Dr. John Smith" counts as
# the listed "SMITH, John".
TITLES = frozenset(
    "mr mrs ms miss dr prof sir dds md phd jr sr ii iii iv mba bsc msc dipl ing "
    "sheikh shaykh haji hajji mullah general colonel".split()
)

# Words an entity's name shares with hundreds of others and that identify nobody: a near-miss
# negative keeps them (generate: near-miss entities) and they are never the "one common token".
ENTITY_STOP = frozenset(
    "the of and for de del la le el al a an & "
    "ltd limited llc co company inc incorporated corp corporation sa sas srl spa gmbh ag bv nv "
    "plc lp jsc pjsc ojsc cjsc ooo oao zao ao pao tov fze fzco fzc fz llp pte pvt sdn bhd "
    "kg ug se sl cia ltda sarl pty pt tbk cv rl sapi "
    # the words of multi-word legal forms: joint stock company, limited liability company,
    # obshchestvo s ogranichennoy otvetstvennostyu, aktsionernoe obshchestvo, sociedad anonima
    "joint stock liability obshchestvo aktsionernoe otvetstvennostyu ogranichennoy "
    "ogranichennoi publichnoe zakrytoe otkrytoe tovarishchestvo sociedad anonima "
    "responsabilidad limitada private public closed open".split()
)

# --- Chinese ---------------------------------------------------------------------------------

# The most common Chinese surnames, most common first, as pinyin:character. When a pinyin
# reading has several surnames (xu: 徐, 许), the first listed (the more common) is used.
SURNAMES_HAN = (
    "wang:王 li:李 zhang:张 liu:刘 chen:陈 yang:杨 huang:黄 zhao:赵 wu:吴 zhou:周 xu:徐 sun:孙 "
    "ma:马 zhu:朱 hu:胡 guo:郭 he:何 gao:高 lin:林 luo:罗 zheng:郑 liang:梁 xie:谢 song:宋 "
    "tang:唐 xu:许 han:韩 feng:冯 deng:邓 cao:曹 peng:彭 zeng:曾 xiao:肖 tian:田 dong:董 "
    "yuan:袁 pan:潘 yu:于 jiang:蒋 cai:蔡 yu:余 du:杜 ye:叶 cheng:程 su:苏 wei:魏 "
    "ding:丁 ren:任 shen:沈 yao:姚 lu:卢 jiang:姜 cui:崔 zhong:钟 tan:谭 lu:陆 wang:汪 fan:范 "
    "jin:金 shi:石 liao:廖 jia:贾 xia:夏 wei:韦 fu:付 fang:方 bai:白 zou:邹 meng:孟 xiong:熊 "
    "qin:秦 qiu:邱 jiang:江 yin:尹 xue:薛 yan:闫 duan:段 lei:雷 hou:侯 long:龙 shi:史 tao:陶 "
    "li:黎 he:贺 gu:顾 mao:毛 hao:郝 gong:龚 shao:邵 wan:万 qian:钱 yan:严 qin:覃 wu:武 "
    "dai:戴 mo:莫 kong:孔 xiang:向 tang:汤 kang:康 yi:易 qiao:乔 lai:赖 wen:文 niu:牛 ou:欧 "
    "hong:洪 zhai:翟 lian:连 mi:米 ji:纪 ni:倪 guan:关 zhan:詹 huo:霍 zhu:祝 bao:包 lou:娄 "
    "yue:岳 ai:艾 miao:苗 sheng:盛 chai:柴 xing:邢 geng:耿 ning:宁 shang:尚 ge:葛 ling:凌 "
    "ban:班 ke:柯 le:乐 hua:华 mu:穆 ran:冉 che:车 zhuang:庄 qi:齐 fei:费 shu:舒 tu:涂 "
    "xin:辛 rao:饶 bi:毕 chang:常 zu:祖 zuo:左 kuang:匡 an:安 nie:聂 liu:柳 ying:应 pu:蒲"
)

# Characters common in Chinese given names, roughly most common first; a given-name syllable
# is written with the first of these whose usual reading it is (else the first GB2312 level-1
# character with that reading: generate.han_for_syllable).
GIVEN_NAME_HAN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉力飞玉红新宇波宁凤春梅云海东"
    "志林峰斌鹏晓婷欣雪琳丹亮成龙金庆永生德光福发荣昌安全中山祥兵清江水利民正南北学小元晨"
    "俊浩宏刚宾立军嘉佳子涵思怡雨萱博文轩天一鑫家豪睿杨阳晶慧颖冰倩佳琪萍秋菊香莲惠珍贵贤"
    "良才志武勤仁义忠孝信和顺喜兴旺财宝富康泰乐然晖炜祺翔鸿雁鹤鸣凯旋胜利荣耀宗祖继承延"
    "长远广大洪涛波浪山川河湖松柏竹梅兰菊桃李杏桂槐杰英豪雄威猛刚毅坚定恒久远近通达顺畅"
    "泽润霖雨霜雪露云霞虹彩丹青紫翠碧蓝黎朝晓旭昊昱晟暄景智慧聪颖敏捷灵巧秀丽美佳倩婉静"
    "淑贞洁纯真善诚信厚德仁爱宽容谦逊勇毅峻岳岩磊鑫铭锋钢铁银铜锦绣缘源沅渊深浅清澈明朗"
    "海涛平安卫东向阳红兵建军建华国庆国强国华跃进援朝振华振国树林立新爱民为民少华春生秋"
    "全国民生"
)

# --- Arabic ----------------------------------------------------------------------------------

# Common Arabic names and name elements in Latin spellings (lower case) and Arabic script.
ARABIC_NAMES: tuple[tuple[str, str], ...] = (
    ("muhammad mohammed mohamed mohammad muhammed mohamad mohd", "محمد"),
    ("ahmad ahmed", "أحمد"),
    ("ali aly", "علي"),
    ("hasan hassan", "حسن"),
    ("husayn hussein hussain husain husein", "حسين"),
    ("abdallah abdullah abdulla", "عبد الله"),
    ("abd abdul abdel abdol", "عبد"),
    ("umar omar", "عمر"),
    ("khalid khaled", "خالد"),
    ("ibrahim ebrahim", "إبراهيم"),
    ("yusuf youssef yousef yousif yusef", "يوسف"),
    ("mahmud mahmoud", "محمود"),
    ("mustafa mostafa moustafa", "مصطفى"),
    ("said saeed saied", "سعيد"),
    ("salim salem", "سالم"),
    ("nasir nasser naser", "ناصر"),
    ("jamal", "جمال"),
    ("karim kareem", "كريم"),
    ("aziz", "عزيز"),
    ("hamid hamed", "حامد"),
    ("salih saleh", "صالح"),
    ("sultan", "سلطان"),
    ("faisal faysal", "فيصل"),
    ("usama osama", "أسامة"),
    ("walid", "وليد"),
    ("khalil", "خليل"),
    ("hamza hamzah", "حمزة"),
    ("tariq tarek tareq", "طارق"),
    ("zayd zaid zeid", "زيد"),
    ("bakr", "بكر"),
    ("jafar jaafar", "جعفر"),
    ("qasim qassem kassem qasem", "قاسم"),
    ("hadi", "هادي"),
    ("mahdi mehdi", "مهدي"),
    ("mansur mansour", "منصور"),
    ("abbas", "عباس"),
    ("musa moussa", "موسى"),
    ("isa issa", "عيسى"),
    ("yahya yahia", "يحيى"),
    ("sulayman suleiman sulaiman", "سليمان"),
    ("uthman othman", "عثمان"),
    ("anwar", "أنور"),
    ("adil adel", "عادل"),
    ("amin ameen", "أمين"),
    ("majid majed", "ماجد"),
    ("rashid rashed", "راشد"),
    ("fahd fahad", "فهد"),
    ("nur nour noor", "نور"),
    ("muammar moammar muamar", "معمر"),
    ("nasrallah nasrullah", "نصر الله"),
    ("fatima fatimah", "فاطمة"),
    ("aisha aysha", "عائشة"),
    ("rahman", "رحمن"),
    ("rahim", "رحيم"),
    ("haji hajji", "حاجي"),
    ("bin ibn", "بن"),
    ("bint", "بنت"),
    ("abu abou", "أبو"),
)

# Latin letters (and digraphs, longest first) to Arabic letters for the rest of a name: short
# vowels are not written inside a word, as in most Arabic spellings.
ARABIC_LETTERS: tuple[tuple[str, str], ...] = (
    ("sh", "ش"), ("kh", "خ"), ("th", "ث"), ("dh", "ذ"), ("gh", "غ"), ("ch", "تش"),
    ("ou", "و"), ("oo", "و"), ("ee", "ي"), ("ai", "ي"), ("ay", "ي"), ("aw", "و"),
    ("aa", "ا"), ("ii", "ي"), ("uu", "و"),
    ("b", "ب"), ("t", "ت"), ("j", "ج"), ("h", "ح"), ("d", "د"), ("r", "ر"), ("z", "ز"),
    ("s", "س"), ("f", "ف"), ("q", "ق"), ("k", "ك"), ("l", "ل"), ("m", "م"), ("n", "ن"),
    ("w", "و"), ("y", "ي"), ("p", "ب"), ("v", "ف"), ("g", "ج"), ("x", "كس"), ("c", "ك"),
)  # fmt: skip

# Countries and programs that mark an individual's name as Arabic-script in origin.
ARABIC_COUNTRIES = frozenset(
    "Iraq Syria Lebanon Yemen Libya Egypt Jordan Sudan Somalia Saudi Arabia Kuwait Qatar "
    "Bahrain Oman Algeria Tunisia Morocco Mauritania Palestinian West Bank Gaza "
    "United Arab Emirates Afghanistan Pakistan".split()
)
ARABIC_PROGRAMS = frozenset(
    "SDGT SDT FTO IRAQ2 IRAQ3 SYRIA SYRIA-EO13894 SYRIA-CAESAR LIBYA2 LIBYA3 YEMEN LEBANON "
    "SOMALIA SUDAN-EO14098 DARFUR".split()
)

# --- Russian, Ukrainian, Belarusian ----------------------------------------------------------

SLAVIC_COUNTRIES = frozenset({"Russia", "Ukraine", "Belarus"})
SLAVIC_PROGRAM_PREFIXES = ("RUSSIA", "UKRAINE", "BELARUS", "CAATSA - RUSSIA", "MAGNIT")

# Reverse BGN/PCGN: Latin letter groups to Cyrillic, longest first. ``y`` and ``e`` depend on
# context and are handled in generate.latin_to_cyrillic.
CYRILLIC_LETTERS: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
    ("ya", "я"), ("yu", "ю"), ("yo", "ё"), ("ye", "е"),
    ("a", "а"), ("e", "е"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("z", "з"), ("i", "и"),
    ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("w", "в"), ("x", "кс"),
    ("c", "к"), ("q", "к"), ("j", "дж"),
)  # fmt: skip

# --- Look-alikes and marks ------------------------------------------------------------------

# Latin letters and the Cyrillic letters drawn the same (U+0430, U+0435, U+043E, U+0440,
# U+0441 and their capitals).
HOMOGLYPHS = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с",
    "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С",
}  # fmt: skip

# Invisible characters pasted into names: ZERO WIDTH SPACE, ZWNJ, ZWJ, WORD JOINER, BOM.
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")

# Letters with diacritics a writer might add.
DIACRITICS = {
    "a": "áàâäã", "e": "éèêë", "i": "íîï", "o": "óòôöõ", "u": "úùûü", "y": "ý",
    "c": "çč", "n": "ñ", "s": "šş", "z": "ž", "g": "ğ",
}  # fmt: skip
