package persons

// The built-in word lists. They were written by hand from the RW lists of the PLA Daily
// sample (../shared/corpus/jfjb and the cases documented in ../shared/FORMAT.md) and from
// common knowledge of the period 1946–2003; every rule that uses them cites the list by
// name in its Reason. The lists are read-only: a Resolver copies what it needs, and users
// extend the aliases with Options.Aliases (see ParseAliases) and the names with
// Options.KnownNames.

// roleTitles are titles and offices. An entry equal to one of them is a role; an entry
// ending with one (民政部部长, 马来西亚总理) is a role when what precedes the title is an
// office, organisation or place, and a person with the title stripped when what precedes
// it is a name (卡特总统 → 卡特).
var roleTitles = []string{
	"主席", "副主席", "名誉主席", "执行主席", "国家主席", "国家副主席", "军委主席", "军委副主席",
	"总理", "副总理", "首相", "副首相", "总统", "副总统", "委员长", "副委员长",
	"总书记", "第一书记", "书记", "副书记", "国务卿", "国务委员", "部长", "副部长",
	"外长", "外交部长", "国防部长", "会长", "副会长", "名誉会长", "司令员", "副司令员",
	"司令", "总司令", "政委", "政治委员", "参谋长", "总参谋长", "主任", "副主任",
	"省长", "副省长", "市长", "副市长", "县长", "局长", "厅长", "院长", "副院长",
	"校长", "社长", "团长", "副团长", "秘书长", "副秘书长", "议长", "副议长",
	"大使", "公使", "领事", "特使", "国王", "女王", "王后", "亲王", "王子", "公主", "王储",
	"元首", "国家元首", "首脑", "总督", "酋长", "将军", "元帅", "上将", "中将", "少将",
	"委员", "常委", "领导人", "领袖", "主教", "教皇", "总裁", "董事长", "总经理", "厂长",
	"军长", "师长", "旅长", "舰长", "所长", "处长", "队长", "检察长", "州长", "总干事",
	"顾问", "党主席", "总督察", "博士", "教授", "院士", "总编辑", "主编",
}

// honorifics follow a name without being an office; they are stripped (邓小平同志 →
// 邓小平, 尼克松一行 → 尼克松). Alone they are "other".
var honorifics = []string{"同志", "先生", "女士", "阁下", "烈士", "一行", "等人", "等"}

// eventWords are actions and events an indexer recorded beside the persons.
var eventWords = []string{
	"接见", "会见", "会谈", "会晤", "会见外宾", "接见外宾", "接见中宾", "会见中宾",
	"言论", "讲话", "发言", "谈话", "外访", "出访", "访华", "访问", "国事访问",
	"设宴", "宴请", "宴会", "签字", "签署", "祝贺寿辰", "祝寿", "互致信件", "致信", "致电",
	"贺电", "唁电", "复信", "出席会议", "出席", "参加", "视察", "考察", "检查", "参观",
	"逝世", "去世", "悼念", "吊唁", "葬礼", "追悼会", "题词", "题字", "讲演", "演讲", "报告",
	"答记者问", "记者招待会", "就职", "任命", "当选", "辞职", "回国", "抵京", "离京",
	"会议", "谈判", "通电话", "通话", "观看", "主持", "看望", "慰问", "互致贺电", "互访",
}

// eventPrefixes start an event phrase (会见香港人士, 接见中宾, 访俄演讲).
var eventPrefixes = []string{
	"会见", "接见", "会谈", "会晤", "访问", "出访", "出席", "参加", "视察", "考察",
	"致电", "致信", "致函", "祝贺", "悼念", "吊唁", "宴请", "设宴", "签署", "签字",
	"观看", "参观", "主持", "接受", "看望", "慰问", "互致", "访",
}

// eventSuffixes end an event phrase (出席会议, 访俄演讲, 纪念大会).
var eventSuffixes = []string{
	"访华", "访问", "会议", "讲话", "演讲", "言论", "信件", "电报", "寿辰", "仪式",
	"会见", "接见", "会谈", "视察", "题词", "逝世", "大会", "典礼", "宴会", "招待会",
	"谈话", "声明", "谈判", "会晤",
}

// otherWords are neither persons nor roles nor events: the kind of item (照片), a vague
// activity (活动), groups (代表团, 外宾).
var otherWords = []string{
	"照片", "图片", "相片", "肖像", "遗像", "画像", "合影", "活动", "简历", "生平", "手迹",
	"家属", "群众", "官兵", "人物", "外宾", "中宾", "代表团", "著作", "文章", "同志", "先生",
}

// otherSuffixes end an "other" entry: 卡特夫人 names Carter's wife without naming her;
// 毛泽东思想 and 邓小平理论 are doctrines and works, not mentions of the person.
var otherSuffixes = []string{
	"照片", "图片", "简历", "生平", "代表团", "夫人", "家属", "活动", "遗像",
	"思想", "理论", "著作", "选集", "文选", "文集", "诗词", "纪念馆", "故居",
}

// builtinAliases map a form of address to the person's name. Only forms that denote one
// person in the archive's period are listed (毛主席, 周总理); 刘主席, 李总理 are not, as
// they name different people in different years.
var builtinAliases = map[string]string{
	"毛主席": "毛泽东", "伟大领袖毛主席": "毛泽东", "毛委员": "毛泽东", "毛泽东同志": "毛泽东",
	"周总理": "周恩来", "朱总司令": "朱德", "朱老总": "朱德", "朱委员长": "朱德",
	"小平同志": "邓小平", "华主席": "华国锋", "林副主席": "林彪", "叶帅": "叶剑英",
	"陈老总": "陈毅", "贺老总": "贺龙", "彭老总": "彭德怀", "彭总": "彭德怀",
	"中国的赫鲁晓夫": "刘少奇", "中国赫鲁晓夫": "刘少奇", "中国（的）赫鲁晓夫": "刘少奇",
	"中国(的)赫鲁晓夫": "刘少奇", "党内最大的走资本主义道路当权派": "刘少奇",
	"孙逸仙": "孙中山", "孙文": "孙中山", "中山先生": "孙中山",
	"蒋中正": "蒋介石", "蒋委员长": "蒋介石", "蒋总统": "蒋介石",
	"江主席": "江泽民", "江总书记": "江泽民", "朱总理": "朱镕基", "温总理": "温家宝",
}

// builtinCorrections fix spellings broken in the archive: a character lost in encoding
// (朱镕基 → 朱 基, 朱基; 彭珮云 → 彭pei云) or mistyped (周恩东, 朱垅基, 扬尚昆, 邓小牛).
// Keys are normalised entries (spaces removed, Latin letters lower-cased), so "朱 基"
// is found under "朱基".
var builtinCorrections = map[string]string{
	"周恩东": "周恩来", "朱垅基": "朱镕基", "朱基": "朱镕基", "朱榕基": "朱镕基", "朱熔基": "朱镕基",
	"朱rong基": "朱镕基", "扬尚昆": "杨尚昆", "邓小牛": "邓小平", "彭pei云": "彭珮云",
	"彭佩云": "彭珮云",
}

// builtinNames are persons well known in the archive's period: PRC leaders and the
// foreign leaders most often met. They let run-together entries be split before any
// corpus has been learned, and are never split themselves.
var builtinNames = []string{
	// PRC and CPC leaders, 1946–2003.
	"毛泽东", "刘少奇", "周恩来", "朱德", "陈云", "邓小平", "林彪", "陈毅", "彭德怀", "贺龙",
	"叶剑英", "刘伯承", "聂荣臻", "徐向前", "罗荣桓", "董必武", "宋庆龄", "彭真", "李先念",
	"华国锋", "胡耀邦", "赵紫阳", "江泽民", "李鹏", "乔石", "李瑞环", "朱镕基", "刘华清",
	"胡锦涛", "温家宝", "吴邦国", "尉健行", "李岚清", "杨尚昆", "万里", "王震", "杨白冰",
	"张震", "迟浩田", "张万年", "于永波", "钱其琛", "徐才厚", "郭伯雄", "曹刚川", "贾庆林",
	"曾庆红", "黄菊", "吴官正", "李长春", "罗干", "田纪云", "丁关根", "姚依林", "宋平",
	"康生", "陈伯达", "江青", "王洪文", "张春桥", "姚文元", "邓颖超", "乌兰夫", "薄一波",
	"习仲勋", "谭震林", "李富春", "陶铸", "罗瑞卿", "粟裕", "黄克诚", "许世友", "孙中山",
	"蒋介石", "鲁迅", "郭沫若", "彭珮云", "崔乃夫", "吴玉章", "雷锋",
	// Foreign leaders.
	"赫鲁晓夫", "斯大林", "列宁", "马克思", "恩格斯", "勃列日涅夫", "戈尔巴乔夫", "叶利钦",
	"普京", "肯尼迪", "尼克松", "福特", "卡特", "里根", "布什", "老布什", "小布什", "克林顿",
	"基辛格", "卡斯特罗", "金日成", "金正日", "胡志明", "西哈努克", "铁托", "霍查",
	"田中角荣", "福田赳夫", "大平正芳", "中曾根康弘", "小泉纯一郎", "桥本龙太郎", "小渊惠三",
	"拉扎克", "尼赫鲁", "苏加诺", "纳赛尔", "撒切尔", "戴高乐", "密特朗", "希拉克",
}

// surnames are Chinese family names, from the Hundred Family Surnames (百家姓) and the
// most frequent modern surnames, without those that are mostly function words (和, 由,
// 但, 都, 时, 来, 国): a 2–3 character entry that starts with one is name-shaped.
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董" +
	"袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江" +
	"尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔" +
	"伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂" +
	"成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项" +
	"连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣" +
	"巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮" +
	"粟冼蔺楼满闻位厉伊仝区郜海阚花权强帅屠朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相云容" +
	"敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘修邰赫杭况那宿鲜印逯隆茹诸战慕危亢嵇湛宾戎" +
	"勾茅利呼居揭干尉冶斯元束檀衣展阴昝智幸奉衡富尧习粘"

// compoundSurnames are two-character family names.
var compoundSurnames = []string{
	"欧阳", "司马", "诸葛", "上官", "东方", "夏侯", "皇甫", "尉迟", "公孙", "慕容", "长孙",
	"宇文", "司徒", "令狐", "端木", "轩辕", "呼延", "南宫", "万俟", "独孤", "澹台", "公羊",
	"闻人", "赫连", "申屠", "西门", "钟离", "左丘",
}

// translitChars are the characters of the Xinhua transliteration tables for foreign
// names (世界人名翻译大辞典) plus a few frequent irregular ones (晓 of 赫鲁晓夫). An entry
// made only of them is transliteration-shaped: a foreign name, never split.
const translitChars = "阿埃艾爱安昂敖奥巴拔柏班邦宝保鲍贝本比彼毕庇边宾滨波玻伯勃博卜布策查达大" +
	"戴丹道德登邓迪狄蒂帝第丁东都杜敦顿多厄恩尔法凡范方菲费芬丰冯夫弗伏福富盖甘冈高戈" +
	"哥格根贡古瓜圭桂果哈海汉杭豪赫黑亨洪胡华霍基吉季加迦贾杰金京居卡凯坎康考柯科克肯" +
	"孔库夸奎昆拉腊莱赖兰郎朗劳勒雷蕾黎里理利莉丽连列林琳留隆卢鲁陆路伦罗洛吕马玛迈" +
	"麦曼芒茂梅美门蒙孟米密明姆莫默穆纳娜奈南内能尼妮涅宁纽努诺欧帕潘庞培佩彭皮平珀" +
	"普奇齐契恰乔切钦琴琼丘秋屈热日荣茹若萨塞赛桑瑟森沙莎山尚绍舍申什施史舒斯松宋苏" +
	"索塔泰坦汤唐陶特滕提田廷通图托瓦万旺威韦维温文翁沃乌伍武西希锡席夏谢辛欣休许雅" +
	"亚延扬耶叶伊因英尤于宇约泽扎詹兹佐晓坚娃丝芙妮黛琪"

// japaneseSurnames are Japanese family names of two or more characters. An entry of 3–6
// characters starting with one is a Japanese name (福田赳夫, 小泉纯一郎): never split.
var japaneseSurnames = []string{
	"福田", "小泉", "田中", "中曾根", "竹下", "海部", "宫泽", "细川", "羽田", "村山", "桥本",
	"小渊", "安倍", "大平", "铃木", "佐藤", "池田", "三木", "鸠山", "吉田", "石桥", "野田",
	"麻生", "河野", "宇野", "樱内", "园田", "伊东", "土井", "不破", "宫本", "二阶堂", "渡边",
	"加藤", "山口", "中岛", "松村", "高碕", "片山", "芦田", "小泽", "冈田", "石原", "志位",
	"森喜", "后藤田", "德田", "野坂", "西园寺", "冈崎", "藤山", "椎名", "大来", "伊藤",
}

// places are countries, regions and bodies that qualify a title (马来西亚总理, 日本首相).
// Anything ending with a placeSuffix is also one (民政部, 中苏友好协会总会, 美国).
var places = []string{
	"中国", "中共", "中央", "中共中央", "党中央", "国务院", "军委", "中央军委", "人大", "全国人大",
	"政协", "全国政协", "国家", "政府", "日本", "朝鲜", "越南", "老挝", "柬埔寨", "缅甸",
	"马来西亚", "新加坡", "印度尼西亚", "印尼", "菲律宾", "文莱", "印度", "巴基斯坦", "孟加拉",
	"尼泊尔", "不丹", "斯里兰卡", "马尔代夫", "阿富汗", "伊朗", "伊拉克", "叙利亚", "约旦",
	"黎巴嫩", "以色列", "巴勒斯坦", "沙特", "沙特阿拉伯", "科威特", "也门", "阿曼", "卡塔尔",
	"巴林", "土耳其", "塞浦路斯", "蒙古", "苏联", "俄罗斯", "乌克兰", "白俄罗斯", "哈萨克斯坦",
	"乌兹别克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦", "格鲁吉亚", "亚美尼亚",
	"阿塞拜疆", "波兰", "捷克", "捷克斯洛伐克", "斯洛伐克", "匈牙利", "罗马尼亚", "保加利亚",
	"阿尔巴尼亚", "南斯拉夫", "塞尔维亚", "克罗地亚", "斯洛文尼亚", "马其顿", "希腊", "意大利",
	"西班牙", "葡萄牙", "法兰西", "德意志", "奥地利", "瑞士", "比利时", "荷兰", "卢森堡", "丹麦",
	"挪威", "瑞典", "芬兰", "冰岛", "爱尔兰", "加拿大", "墨西哥", "古巴", "巴西", "阿根廷",
	"智利", "秘鲁", "委内瑞拉", "哥伦比亚", "玻利维亚", "厄瓜多尔", "乌拉圭", "巴拉圭",
	"尼加拉瓜", "巴拿马", "埃及", "利比亚", "突尼斯", "阿尔及利亚", "摩洛哥", "苏丹",
	"埃塞俄比亚", "索马里", "肯尼亚", "坦桑尼亚", "乌干达", "赞比亚", "津巴布韦", "莫桑比克",
	"安哥拉", "南非", "纳米比亚", "博茨瓦纳", "刚果", "扎伊尔", "喀麦隆", "尼日利亚", "加纳",
	"几内亚", "马里", "塞内加尔", "尼日尔", "乍得", "毛里塔尼亚", "马达加斯加", "卢旺达",
	"布隆迪", "贝宁", "多哥", "澳大利亚", "新西兰", "巴布亚新几内亚", "斐济", "香港", "澳门",
	"台湾", "西藏", "新疆", "北京", "上海", "天津", "重庆", "河北", "山西", "辽宁", "吉林",
	"黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东",
	"海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西", "宁夏", "联合国",
	"北约", "东盟", "欧盟", "欧共体", "美", "苏", "日", "英", "法", "德", "中", "朝", "越",
	"美国", "英国", "法国", "德国", "韩国", "泰国", "俄国", "苏俄", "海军", "空军", "陆军",
	"解放军", "人民解放军", "武警", "二炮", "第二炮兵",
}

// placeSuffixes end the name of an office, organisation or place and seldom a given
// name: what ends with one is a place (民政部, 中苏友好协会总会, 江苏省).
const placeSuffixes = "部委会院局省市县区州党府厅署办团社组队所处司校厂盟共岛洲"

// weakPlaceSuffixes end places and given names alike (美国 and 李建国, 空军 and 张军):
// what ends with one is a place only when it is not shaped like a Chinese name.
const weakPlaceSuffixes = "国军"

// homonyms are names borne by different persons of the archive's period, with the date
// ranges (inclusive, YYYYMMDD) in which a bare mention most likely means each of them.
// Dates outside every range leave the name as it is.
var homonyms = map[string][]homonymSpan{
	// George H. W. Bush: head of the US Liaison Office in Beijing 1974–75, vice-president
	// 1981–89, president 1989–93. George W. Bush: president 2001–09. Chinese usage calls
	// them 老布什 and 小布什. 1995–2000 is left open (former president vs. governor).
	"布什": {
		{from: 19710101, to: 19941231, person: "老布什", who: "George H. W. Bush"},
		{from: 20000101, to: 20091231, person: "小布什", who: "George W. Bush"},
	},
}

type homonymSpan struct {
	from, to int // YYYYMMDD, inclusive
	person   string
	who      string
}
