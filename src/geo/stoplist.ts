/**
 * Place names that are also common English words or names of people, so "Mary said", "Bar",
 * "Marx" or "Victoria Nuland" never become places. Applied to GeoNames names at build time and
 * again when the index loads; curated names are trusted. Keys are folded (see normalize.ts).
 */
export const STOPLIST: ReadonlySet<string> = new Set([
  // English words and first names that GeoNames has as towns in the region or as capitals.
  'mary', 'bar', 'anna', 'gay', 'marks', 'marx', 'victoria', 'male', 'hamilton', 'kingston', 'stanley', 'valley',
  'the valley', 'road town', 'liberty', 'energy', 'nice', 'reading', 'bath', 'sale', 'wells', 'mobile', 'orange',
  'split', 'independence', 'buffalo', 'jackson', 'lincoln', 'madison', 'austin', 'charlotte', 'irving', 'henderson',
  'chandler', 'garland', 'aurora', 'phoenix', 'columbus', 'memphis', 'richmond', 'jersey', 'mira', 'asha', 'ob',
  'bor', 'kem', 'zima', 'mama', 'sim', 'nea', 'ust', 'lesnoy', 'lenin', 'lenina', 'pushkin', 'chekhov',
  'gagarin', 'lermontov', 'korolev', 'korolyov', 'zhukovsky', 'zhukovskiy', 'pugachev', 'kropotkin', 'belinsky',
  'tchaikovsky', 'chaykovskiy', 'kotovsk', 'shevchenko', 'ukrainka', 'ukrainsk', 'plast', 'polyarny',
  'svobodny', 'mirny', 'mirnyy', 'ruza', 'kola', 'maya', 'olga',
  'vera', 'nadia', 'nina', 'lydia', 'sofia', 'maria', 'marina', 'tatiana', 'natalia', 'oleg', 'igor', 'ivan', 'boris',
  'vladimir', 'roman', 'orlov', 'chapaevsk', 'budyonnovsk', 'kotovo', 'lebedyan',
  'sovetsk', 'sovetskiy', 'zarechny', 'zarechnyy', 'svetly', 'svetlyy', 'tsentralny', 'oktyabrsky', 'oktyabrskiy',
  'pervomaysky', 'komsomolsky', 'kommunar', 'pobeda', 'progress', 'rodniki', 'mirnyi', 'novyi', 'novy', 'nova',
  'star', 'vest', 'sale', 'ruse', 'gross', 'hull', 'bury', 'derby', 'chester', 'poole', 'dover', 'march', 'may',
  'june', 'july', 'august', 'date', 'mission', 'union', 'unity', 'concord', 'paradise', 'eagle', 'temple', 'tyler',
  'denton', 'frisco', 'florence', 'alexandria', 'st', 'san', 'santa', 'sea', 'bay', 'mon', 'sens', 'nancy', 'troyes',
  'tours', 'dole', 'nato', 'un', 'eu', 'opec', 'iss', 'news', 'post', 'times', 'world', 'center',
  'central', 'north', 'south', 'east', 'west', 'new', 'old', 'great', 'little', 'upper', 'lower', 'hope', 'peace',
  'union city', 'salem', 'oz', 'sumter', 'marion', 'warren', 'troy', 'kent', 'clinton',
  'franklin', 'washington county', 'ural', 'volga', 'don', 'neva', 'angara', 'lena', 'amur',
  // Surnames and first names in the war's news that are also Russian or Ukrainian towns.
  'danilov', 'sorokin', 'makarov', 'suvorov', 'lomonosov', 'berezovsky', 'troitsky', 'serov', 'gusev', 'kasimov',
  'kirillov', 'nesterov', 'mikhaylov', 'mikhailov', 'yefremov', 'demidov', 'aleksandrov', 'alexandrov', 'shadrin',
  'bobrov', 'korsakov', 'yershov', 'kashin', 'malin', 'dzerzhinsky', 'dzerzhinskiy', 'volodarsky',
  'sverdlovsky', 'kuybyshev', 'kuibyshev', 'narimanov', 'kirsanov', 'chaplygin', 'artem', 'engel', 'kline', 'usman',
  'manas', 'ramon', 'linda', 'ola', 'issa', 'tara', 'lida', 'turan', 'turki', 'mayya', 'yaya', 'andi', 'bender',
  // English words and acronyms.
  'azov', 'ostrov', 'russkiy', 'russky', 'proletariy', 'sredniy', 'sako', 'sakai', 'sumo', 'batman', 'van',
  'queens', 'hail', 'buy', 'bile', 'mena', 'sars', 'lms', 'oral', 'ocher', 'taiga', 'zarya', 'zorya', 'pioner',
  'gigant', 'yar', 'chad', 'siversky', 'siverskiy', 'seversky', 'severskiy', 'dno', 'mga', 'kez', 'suda', 'bada', 'sali', 'tura', 'enem', 'igra', 'vad', 'chern',
]);

export function isStopName(key: string): boolean {
  return STOPLIST.has(key);
}
