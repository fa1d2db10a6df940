"""Pure rules, standard library only: the outline, progress, time stamps, activity, search ranking, the team
board. Values in, values out; nothing here touches a file, the database or the terminal."""
